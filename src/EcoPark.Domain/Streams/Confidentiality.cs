namespace EcoPark.Domain.Streams;

/// <summary>
/// Which fields of a stream its factory keeps to itself. Staff, auditors and the factory's own users see
/// everything; anyone else (the other party of a match) sees prices and costs withheld and volumes as a band.
/// </summary>
[Flags]
public enum ConfidentialFields
{
    None = 0,
    Prices = 1,
    Costs = 2,
    ExactVolumes = 4,
    All = Prices | Costs | ExactVolumes,
}

/// <summary>A volume shown as the 1–2–5 band it falls in, so that the other party learns the scale, not the figure.</summary>
public readonly record struct VolumeBand(decimal Low, decimal High)
{
    public static VolumeBand Of(decimal value)
    {
        if (value <= 0)
        {
            return new VolumeBand(0, 0);
        }

        var decade = 1m;
        while (decade * 10 <= value)
        {
            decade *= 10;
        }

        while (decade > value)
        {
            decade /= 10;
        }

        return value < 2 * decade ? new VolumeBand(decade, 2 * decade)
            : value < 5 * decade ? new VolumeBand(2 * decade, 5 * decade)
            : new VolumeBand(5 * decade, 10 * decade);
    }
}

/// <summary>
/// What a reader may see of a stream's confidential fields. Costs are never shown to the other party
/// whatever the flag says (issue #5: neither side's costs reach the other); a price is shown only when
/// the stream does not mark prices confidential; a confidential volume becomes its band.
/// </summary>
public readonly record struct Disclosure(ConfidentialFields Withheld)
{
    /// <summary>The factory's own users, its park's staff, auditors and administrators.</summary>
    public static Disclosure Full => new(ConfidentialFields.None);

    /// <summary>Another factory's user: every field the stream marks confidential is withheld.</summary>
    public static Disclosure ToOtherParty(ConfidentialFields marked) => new(marked);

    public decimal? Price(decimal? value) => Withheld.HasFlag(ConfidentialFields.Prices) ? null : value;

    /// <summary>The band a withheld volume falls in (null when the exact volume may be shown).</summary>
    public VolumeBand? Band(decimal value) => Withheld.HasFlag(ConfidentialFields.ExactVolumes) ? VolumeBand.Of(value) : null;
}
