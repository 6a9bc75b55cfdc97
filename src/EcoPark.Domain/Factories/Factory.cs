using EcoPark.Domain.Common;

namespace EcoPark.Domain.Factories;

/// <summary>A factory registered in a park; the aggregate every filing, stream and fee case hangs from.</summary>
public sealed class Factory
{
    private Factory()
    {
        Name = null!;
        Address = null!;
        UnifiedBusinessNumber = null!;
        TsicCode = null!;
        Location = null!;
        Contact = null!;
    }

    public Factory(Guid id, Guid parkId, FactoryDetails details)
        : this()
    {
        Id = id;
        ParkId = parkId;
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid ParkId { get; private set; }

    public BilingualName Name { get; private set; }

    public string Address { get; private set; }

    public UnifiedBusinessNumber UnifiedBusinessNumber { get; private set; }

    public Industry Industry { get; private set; }

    public string TsicCode { get; private set; }

    public GeoPoint Location { get; private set; }

    public ContactPerson Contact { get; private set; }

    /// <summary>Optimistic-concurrency token, bumped by the database on every update.</summary>
    public uint Version { get; private set; }

    public void Update(FactoryDetails details)
    {
        if (!Factories.TsicCode.IsValid(details.TsicCode))
        {
            throw new DomainException("tsicCode", "format", "The industrial classification code must have 2 to 4 digits.");
        }

        if (string.IsNullOrWhiteSpace(details.Address))
        {
            throw new DomainException("address", "required", "The address is required.");
        }

        Name = details.Name;
        Address = details.Address.Trim();
        UnifiedBusinessNumber = details.UnifiedBusinessNumber;
        Industry = details.Industry;
        TsicCode = details.TsicCode;
        Location = details.Location;
        Contact = details.Contact;
    }
}

/// <summary>The editable description of a factory, already parsed into value objects.</summary>
public sealed record FactoryDetails(
    BilingualName Name,
    string Address,
    UnifiedBusinessNumber UnifiedBusinessNumber,
    Industry Industry,
    string TsicCode,
    GeoPoint Location,
    ContactPerson Contact);
