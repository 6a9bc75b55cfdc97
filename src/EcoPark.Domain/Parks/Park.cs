using EcoPark.Domain.Common;

namespace EcoPark.Domain.Parks;

/// <summary>An industrial park with its service centre and central wastewater treatment plant.</summary>
public sealed class Park
{
    private Park()
    {
        Name = null!;
        County = null!;
        Location = null!;
    }

    public Park(Guid id, BilingualName name, string county, GeoPoint location, CubicMetresPerDay wwtpDesignCapacity, CubicMetresPerDay wwtpSpareCapacity)
        : this()
    {
        Id = id;
        Name = name;
        Location = location;
        County = string.IsNullOrWhiteSpace(county)
            ? throw new DomainException("county", "required", "The county is required.")
            : county.Trim();
        SetWwtpCapacity(wwtpDesignCapacity, wwtpSpareCapacity);
    }

    public Guid Id { get; private set; }

    public BilingualName Name { get; private set; }

    public string County { get; private set; }

    public GeoPoint Location { get; private set; }

    /// <summary>The central WWTP's design capacity.</summary>
    public CubicMetresPerDay WwtpDesignCapacity { get; private set; }

    /// <summary>What the central WWTP can still take: design capacity less today's load.</summary>
    public CubicMetresPerDay WwtpSpareCapacity { get; private set; }

    /// <summary>How far (in % of intake) a water balance may miss closing and still be submitted without a justification.</summary>
    public decimal ClosureTolerancePercent { get; private set; } = 5;

    public void SetClosureTolerance(decimal percent)
    {
        if (percent is < 0 or > 50)
        {
            throw new DomainException("closureTolerancePercent", "range", "The closure tolerance lies between 0 and 50 %.");
        }

        ClosureTolerancePercent = percent;
    }

    public void SetWwtpCapacity(CubicMetresPerDay design, CubicMetresPerDay spare)
    {
        if (spare > design)
        {
            throw new DomainException("wwtpSpareM3PerDay", "spare-above-design", "Spare capacity cannot exceed design capacity.");
        }

        WwtpDesignCapacity = design;
        WwtpSpareCapacity = spare;
    }
}
