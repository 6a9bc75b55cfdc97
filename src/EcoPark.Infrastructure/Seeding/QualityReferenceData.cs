using EcoPark.Domain.Streams;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>The first version of the water-quality rule data, as water-quality-and-reuse.md gives it.</summary>
internal static class QualityReferenceData
{
    /// <summary>
    /// 再生水用於工業用途水質基礎建議值. In the source, process and boiler share one merged value for every
    /// row except pH; cooling has its own; a blank is no baseline value.
    /// </summary>
    /// <remarks>A new instance each time: a context tracks the one it is given.</remarks>
    public static BaselineLimitSet Baseline2019 => new(
        "baseline-2019",
        new DateOnly(2019, 1, 1),
        "Industrial Development Bureau briefing 水資源整合案例及執行成效 (2019): baseline recommended maxima for reclaimed water in industrial use",
        Rows());

    private static IEnumerable<BaselineLimit> Rows()
    {
        yield return new(WaterUse.Process, WaterQuality.Ph, 6.0m, 8.5m);
        yield return new(WaterUse.Boiler, WaterQuality.Ph, 7.0m, 9.0m);
        yield return new(WaterUse.Cooling, WaterQuality.Ph, 6.0m, 8.5m);
        (string Key, decimal? ProcessAndBoiler, decimal? Cooling)[] maxima =
        [
            (WaterQuality.TurbidityNtu, 2, 4),
            (WaterQuality.TocMgL, 5, 10),
            (WaterQuality.TdsMgL, 150, 500),
            (WaterQuality.ConductivityUsCm, 250, 800),
            (WaterQuality.HardnessMgLCaCO3, 50, 400),
            (WaterQuality.ChlorideMgL, 20, null),
            (WaterQuality.SulfateMgL, 50, 250),
            (WaterQuality.AmmoniaNMgL, 2, 10),
            (WaterQuality.NitrateNMgL, 10, null),
            (WaterQuality.SilicaMgL, null, 25),
        ];
        foreach (var (key, processAndBoiler, cooling) in maxima)
        {
            if (processAndBoiler is { } shared)
            {
                yield return new(WaterUse.Process, key, null, shared);
                yield return new(WaterUse.Boiler, key, null, shared);
            }

            if (cooling is { } max)
            {
                yield return new(WaterUse.Cooling, key, null, max);
            }
        }
    }
}
