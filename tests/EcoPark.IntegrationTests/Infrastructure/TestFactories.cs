using System.Globalization;
using EcoPark.Application.Factories;
using EcoPark.Domain.Factories;

namespace EcoPark.IntegrationTests.Infrastructure;

/// <summary>Factory registrations for tests: a valid input, and fresh unified business numbers that pass the checksum.</summary>
public static class TestFactories
{
    public static FactoryInput Input(Guid parkId, string nameZh, string ubn, string address = "桃園市觀音區青溪路99號", double latitude = 25.02,
        double longitude = 121.17) =>
        new()
        {
            ParkId = parkId,
            NameZh = nameZh,
            NameEn = "Validation Test Co.",
            Address = address,
            UnifiedBusinessNumber = ubn,
            Industry = "chemicals",
            TsicCode = "1810",
            Latitude = latitude,
            Longitude = longitude,
            ContactName = "測試員",
            ContactPhone = "03-386-9999",
        };

    public static string NextBusinessNumber()
    {
        while (true)
        {
            var candidate = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            if (UnifiedBusinessNumber.IsValid(candidate))
            {
                return candidate;
            }
        }
    }
}
