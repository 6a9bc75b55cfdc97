namespace EcoPark.Domain.Streams;

/// <summary>Where an outlet's treated effluent goes today.</summary>
public enum DischargeRoute
{
    ParkWwtp,
    Sewer,
    WaterBody,
    Other,
}

/// <summary>The editable description of an effluent outlet.</summary>
public sealed record EffluentDetails(
    string Name,
    decimal MinM3PerDay,
    decimal AvgM3PerDay,
    decimal MaxM3PerDay,
    int DaysPerWeek,
    decimal HoursPerDay,
    IReadOnlyList<ParameterValue> Quality,
    DischargeRoute Route,
    decimal? DischargeFeeNtdPerM3,
    ConfidentialFields Confidential,
    string? Notes);

/// <summary>
/// One outlet of treated effluent: its flow (minimum ≤ average ≤ maximum m³/day), when it runs, its
/// measured quality by canonical key with basis and date, and where it goes today at what fee.
/// </summary>
public sealed class EffluentStream : FactoryStream
{
    private List<ParameterValue> quality = [];

    private EffluentStream()
    {
    }

    public EffluentStream(Guid id, Guid factoryId, EffluentDetails details, DateOnly today, Guid by, DateTimeOffset at)
        : base(id, factoryId) => Update(details, today, by, at);

    public decimal MinM3PerDay { get; private set; }

    public decimal AvgM3PerDay { get; private set; }

    public decimal MaxM3PerDay { get; private set; }

    public int DaysPerWeek { get; private set; }

    public decimal HoursPerDay { get; private set; }

    public IReadOnlyList<ParameterValue> Quality => quality;

    public DischargeRoute Route { get; private set; }

    public decimal? DischargeFeeNtdPerM3 { get; private set; }

    public void Update(EffluentDetails details, DateOnly today, Guid by, DateTimeOffset at)
    {
        NonNegative("minM3PerDay", details.MinM3PerDay);
        if (details.AvgM3PerDay < details.MinM3PerDay)
        {
            throw new Common.DomainException("avgM3PerDay", "avg-below-min", "The average flow is below the minimum.");
        }

        if (details.MaxM3PerDay < details.AvgM3PerDay)
        {
            throw new Common.DomainException("maxM3PerDay", "max-below-avg", "The maximum flow is below the average.");
        }

        if (details.AvgM3PerDay == 0)
        {
            throw new Common.DomainException("avgM3PerDay", "zero-flow", "An outlet with no flow offers nothing to match.");
        }

        Within("daysPerWeek", details.DaysPerWeek, 1, 7);
        Within("hoursPerDay", details.HoursPerDay, 0.5m, 24);
        var values = ParameterRules.CheckValues(WaterQuality.Parameters, details.Quality, today, "quality");
        Stamp(details.Name, details.Notes, details.Confidential, by, at);
        MinM3PerDay = details.MinM3PerDay;
        AvgM3PerDay = details.AvgM3PerDay;
        MaxM3PerDay = details.MaxM3PerDay;
        DaysPerWeek = details.DaysPerWeek;
        HoursPerDay = details.HoursPerDay;
        quality = [.. values];
        Route = details.Route;
        DischargeFeeNtdPerM3 = NonNegative("dischargeFeeNtdPerM3", details.DischargeFeeNtdPerM3);
    }
}
