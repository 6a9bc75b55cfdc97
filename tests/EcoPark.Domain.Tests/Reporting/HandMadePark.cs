using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Tests.Fees;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Tests.Reporting;

/// <summary>
/// A park of five factories A–E, with the figures the KPI tests work out by hand:
/// <list type="bullet">
/// <item>water A→B, 100 m³/day, agreed 2025-03-15, operating 2025-06-01; evaluation: supplier 12 000, buyer 36 000,
/// 36 000 m³/yr, net benefit 24 000 NTD/yr, 12 000 kgCO₂e/yr; split water 40 %, energy 50 %, CO₂e 30 %; measured 2026-01 90 m³/day, 2026-02 110.</item>
/// <item>by-product C→D, 10 t/month, agreed 2025-12-20, operating 2026-01-05; supplier 6 000, buyer 18 000, 120 t/yr, net 20 000, 6 000 kg;
/// split energy 60 %, CO₂e 50 %; measured 2026-01 12 t.</item>
/// <item>heat E→A, proposed (never committed); all three were taken up on 2025-01-10.</item>
/// <item>filings 2026-01: A (tap 1 000, circulation 500 of which cooling tower 200, reuse 100) and B (tap 800, reclaimed 200); a draft of C that does not count.</item>
/// </list>
/// </summary>
internal static class HandMadePark
{
    public static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");
    public static readonly Guid E = new("00000000-0000-0000-0000-00000000000e");
    public static readonly DateOnly Today = new(2026, 2, 10);
    private static readonly Guid Park = Guid.NewGuid();
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public static ParkRecords Records()
    {
        var water = Match(ResourceKind.Water, A, B, 100, "m3/day", 24_000, 12_000);
        ToAgreed(water, new DateOnly(2025, 3, 15), 100, new CreditSplit(40, 50, 30));
        Operate(water, new DateOnly(2025, 6, 1));
        water.RecordMonth(new YearMonth(2026, 1), 90, Staff, At);
        water.RecordMonth(new YearMonth(2026, 2), 110, Staff, At);

        var byproduct = Match(ResourceKind.Byproduct, C, D, 10, "t/month", 20_000, 6_000);
        ToAgreed(byproduct, new DateOnly(2025, 12, 20), 10, new CreditSplit(0, 60, 50));
        Operate(byproduct, new DateOnly(2026, 1, 5));
        byproduct.RecordMonth(new YearMonth(2026, 1), 12, Staff, At);

        var heat = Match(ResourceKind.Heat, E, A, 200, "kW", 50_000, 9_000);
        heat.Advance(MatchState.Proposed, new DateOnly(2025, 11, 1), null, Staff, At);

        var filings = new List<WaterBalanceFiling>
        {
            Filed(A, new WaterBalance { TapM3 = 1000, CirculationM3 = 500, CoolingTowerCirculationM3 = 200, ReuseM3 = 100 }),
            Filed(B, new WaterBalance { TapM3 = 800, ReclaimedNonSystemM3 = 200 }),
            new(Guid.NewGuid(), C, FilingPeriod.Parse("2026-01"), new WaterBalance { TapM3 = 5000, ReuseM3 = 5000 }, Staff, At),
        };
        return new ParkRecords([A, B, C, D, E],
        [
            new LinkageRecord(water, new LinkageEconomics(12_000, 36_000, 36_000, "test-1")),
            new LinkageRecord(byproduct, new LinkageEconomics(6_000, 18_000, 120, "test-1")),
            new LinkageRecord(heat, new LinkageEconomics(10_000, 40_000, 700, "test-1")),
        ], filings)
        {
            FeeRules = [TestRules.Regulation2023()],
        };
    }

    public static MatchCase Match(ResourceKind resource, Guid supplier, Guid buyer, decimal quantity, string unit, decimal benefit, decimal co2eKg) =>
        new(Guid.NewGuid(), new MatchProposal(Park, resource, Guid.NewGuid(), Guid.NewGuid(), supplier, buyer, quantity, unit, benefit, co2eKg, "{}"),
            new DateOnly(2025, 1, 10), Staff, At);

    public static void ToAgreed(MatchCase match, DateOnly agreed, decimal quantity, CreditSplit split)
    {
        foreach (var state in new[] { MatchState.Proposed, MatchState.Contacted, MatchState.Negotiating })
        {
            match.Advance(state, agreed.AddDays(-30), null, Staff, At);
        }

        match.Agree(quantity, split, agreed, null, Staff, At);
    }

    private static void Operate(MatchCase match, DateOnly from)
    {
        match.Advance(MatchState.Permits, from.AddDays(-2), null, Staff, At);
        match.Advance(MatchState.Built, from.AddDays(-1), null, Staff, At);
        match.Advance(MatchState.Operating, from, null, Staff, At);
    }

    /// <summary>A submitted filing of <paramref name="factory"/> for <paramref name="period"/> (January 2026 unless named).</summary>
    public static WaterBalanceFiling Filed(Guid factory, WaterBalance balance, string period = "2026-01")
    {
        var filing = new WaterBalanceFiling(Guid.NewGuid(), factory, FilingPeriod.Parse(period), balance, Staff, At);
        filing.Submit(5, "outflows not metered in the test", Staff, At);
        return filing;
    }
}
