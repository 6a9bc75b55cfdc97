using EcoPark.Domain.Screening;

namespace EcoPark.Domain.Tests.Screening;

internal static class ScreeningCases
{
    public static ParkScreeningCase Park(string name, string county, ParkScreeningValues? values = null, decimal spare = 8_500, DerivedFigure? highWaterUse = null,
        DerivedFigure? easyMatch = null, DateOnly? asOf = null) => new()
        {
            ParkId = Guid.NewGuid(),
            NameZh = name,
            NameEn = name,
            ParkCounty = county,
            ParkWwtpSpareM3PerDay = spare,
            Inputs = values is null ? null : new ParkScreeningInput(Guid.NewGuid(), Guid.NewGuid(), 1, asOf ?? new DateOnly(2026, 1, 1), values, "test", null, DateTimeOffset.UnixEpoch),
            HighWaterUse = highWaterUse,
            EasyMatchShare = easyMatch,
        };
}
