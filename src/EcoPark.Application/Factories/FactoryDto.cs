using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;

namespace EcoPark.Application.Factories;

/// <summary>A factory as a caller who may read it sees it.</summary>
public sealed record FactoryDto(
    Guid Id,
    Guid ParkId,
    string ParkNameZh,
    string ParkNameEn,
    string NameZh,
    string NameEn,
    string Address,
    string UnifiedBusinessNumber,
    string Industry,
    string TsicCode,
    double Latitude,
    double Longitude,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    uint Version,
    bool CanEdit)
{
    public FactoryInput ToInput() => new()
    {
        ParkId = ParkId,
        NameZh = NameZh,
        NameEn = NameEn,
        Address = Address,
        UnifiedBusinessNumber = UnifiedBusinessNumber,
        Industry = Industry,
        TsicCode = TsicCode,
        Latitude = Latitude,
        Longitude = Longitude,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
        Version = Version,
    };

    internal static FactoryDto From(Factory f, string parkZh, string parkEn, bool canEdit) => new(
        f.Id, f.ParkId, parkZh, parkEn, f.Name.Zh, f.Name.En, f.Address, f.UnifiedBusinessNumber.Value, f.Industry.Key(),
        f.TsicCode, f.Location.Latitude, f.Location.Longitude, f.Contact.Name, f.Contact.Phone, f.Contact.Email, f.Version, canEdit);
}
