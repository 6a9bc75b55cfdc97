namespace EcoPark.Domain.Reporting;

/// <summary>
/// What the public may see of a park's KPIs: a fixed list of headline figures (park totals only, never a factory's), each shown only
/// when at least <see cref="MinimumContributors"/> factories contribute to it; a figure from fewer is suppressed, value and all.
/// </summary>
public static class PublicFigures
{
    /// <summary>The smallest number of contributing factories a public figure may be built from.</summary>
    public const int MinimumContributors = 3;

    /// <summary>The headline figures the public page and API show, in order (park totals; no price, cost or party's volume).</summary>
    public static IReadOnlyList<string> HeadlineKeys { get; } =
    [
        "linkages.operating",
        "linkages.committed",
        "predicted.waterM3PerDay",
        "measured.waterM3",
        "measured.heatMwh",
        "measured.byproductTonnes",
        "emissions.co2eAvoidedTonnes",
        "emissions.divertedTonnes",
        "savings.netBenefitNtd",
        "water.r2Percent",
        "water.filedSharePercent",
    ];

    /// <summary>Whether a figure built from <paramref name="contributors"/> factories may be shown.</summary>
    public static bool IsShown(int contributors) => contributors >= MinimumContributors;

    /// <summary>The public form of a figure: its value when enough factories contribute, otherwise suppressed (no value).</summary>
    public static PublicFigure Of(KpiFigure figure) =>
        IsShown(figure.Contributors)
            ? new PublicFigure(figure.Key, figure.Value, figure.Unit, figure.Basis, Suppressed: false)
            : new PublicFigure(figure.Key, null, figure.Unit, figure.Basis, Suppressed: true);

    /// <summary>The headline figures of a period's KPIs, suppressed where too few factories contribute.</summary>
    public static IReadOnlyList<PublicFigure> Headline(ParkKpis kpis)
    {
        var figures = kpis.Figures().ToDictionary(f => f.Key);
        return [.. HeadlineKeys.Where(figures.ContainsKey).Select(k => Of(figures[k]))];
    }
}

/// <summary>A figure as the public sees it: no value when suppressed.</summary>
public sealed record PublicFigure(string Key, decimal? Value, string Unit, KpiBasis Basis, bool Suppressed);
