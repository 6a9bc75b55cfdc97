using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class WaterScreeningTests
{
    private static (List<WaterSupplyInput> Supplies, List<WaterDemandInput> Demands) World(int seed, int supplies, int demands)
    {
        var random = new Random(seed);
        return ([.. Enumerable.Range(0, supplies).Select(_ => RandomStreams.Supply(random))], [.. Enumerable.Range(0, demands).Select(_ => RandomStreams.Demand(random))]);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Screen_FindsExactlyWhatTheAllPairsLoopFinds(int seed)
    {
        var (supplies, demands) = World(seed, 300, 300);
        var context = Context(MatchingDefaults.Treatments());

        var indexed = WaterScreening.Screen(supplies, demands, context);
        var naive = WaterScreening.ScreenAllPairs(supplies, demands, context);
        var oneCore = WaterScreening.Screen(supplies, demands, context, new WaterScreeningOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(indexed.Candidates, oneCore.Candidates);
        Assert.NotEmpty(indexed.Candidates);
        Assert.Contains(indexed.Candidates, c => !c.SamePark);
        Assert.Equal(naive.Candidates, indexed.Candidates);
        Assert.True(indexed.Stats.PairsExamined < naive.Stats.PairsExamined / 3);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Screen_NeverDropsAPairTheEvaluatorFindsWorthwhile(int seed)
    {
        var (supplies, demands) = World(seed, 150, 150);
        var context = Context(MatchingDefaults.Treatments());
        var kept = WaterScreening.Screen(supplies, demands, context).Candidates.Select(c => (c.SupplyIndex, c.DemandIndex)).ToHashSet();
        var worthwhile = 0;

        for (var s = 0; s < supplies.Count; s++)
        {
            for (var d = 0; d < demands.Count; d++)
            {
                var result = WaterMatcher.Evaluate(supplies[s], demands[d], context);
                if (result.Economics is { PairMonthlyNtd: > 0 })
                {
                    worthwhile++;
                    Assert.True(kept.Contains((s, d)), $"pair {s}/{d} ({result.Status}) was dropped by the screen");
                }

                if (result.IsBlocked)
                {
                    Assert.False(kept.Contains((s, d)), $"blocked pair {s}/{d} was kept");
                }
            }
        }

        Assert.True(worthwhile > 100, $"only {worthwhile} worthwhile pairs: the test world is too thin");
    }

    [Fact]
    public void Screen_SkipsBlockedDemandsAndCommittedSuppliesUpFront()
    {
        var supplies = new[] { Supply(100m, Lab(CodMgL, 10m)), Supply(0m, Lab(CodMgL, 10m)) };
        var demands = new[]
        {
            Demand(50m, Max(CodMgL, 20m)),
            Demand(50m, Max(CodMgL, 20m)) with { Industry = Industry.Food, Use = WaterUse.Process },
            Demand(50m, Max(CodMgL, 20m)) with { ReclaimedAllowed = false },
        };

        var result = WaterScreening.Screen(supplies, demands, Context());

        Assert.Equal((1, 2, 1L), (result.Stats.SuppliesCommitted, result.Stats.DemandsBlocked, result.Stats.PairsExamined));
        var candidate = Assert.Single(result.Candidates);
        Assert.Equal((0, 0), (candidate.SupplyIndex, candidate.DemandIndex));
    }

    [Fact]
    public void Screen_SupplyInAnotherParkNearby_IsFoundAcrossTheGrid()
    {
        var supplies = new[]
        {
            Supply(100m, Lab(CodMgL, 10m)) with { ParkId = ParkB, Location = North(Here, 4_900) },
            Supply(100m, Lab(CodMgL, 10m)) with { ParkId = ParkB, Location = North(Here, 5_100) },
        };

        var result = WaterScreening.Screen(supplies, [Demand(50m, Max(CodMgL, 20m))], Context());

        var candidate = Assert.Single(result.Candidates);
        Assert.Equal(0, candidate.SupplyIndex);
        Assert.False(candidate.SamePark);
    }

    [Fact]
    public void Screen_UpperBound_IsFlowTimesAllSavingsLessTheCheapestStepThatActs()
    {
        var catalogue = Catalogue(Step("carbon", 4m, removal: [(CodMgL, 0.5m)]), Step("ro", 20m, removal: [(CodMgL, 0.9m)]));

        var result = WaterScreening.Screen([Supply(80m, Lab(CodMgL, 30m))], [Demand(50m, Max(CodMgL, 20m))], Context(catalogue));

        // 50 m³/day × (12 tap + 3 fee + 20 discharge − 4 for the cheapest step acting on COD) × 30 days.
        Assert.Equal(50m * (12 + 3 + 20 - 4) * 30, Assert.Single(result.Candidates).UpperBoundNtdPerMonth);
    }

    [Fact]
    public void Screen_UnfixableFailure_IsDroppedButAnUnknownIsKeptUnlessAsked()
    {
        var supplies = new[] { Supply(100m, Lab(ChlorideMgL, 500m)), Supply(100m) };
        var demands = new[] { Demand(50m, Max(ChlorideMgL, 20m)) };

        var kept = WaterScreening.Screen(supplies, demands, Context());
        var strict = WaterScreening.Screen(supplies, demands, Context(), new WaterScreeningOptions { IncludeNeedsLabTest = false });

        Assert.Equal((1, 1), (Assert.Single(kept.Candidates).SupplyIndex, kept.Candidates[0].UnknownCount));
        Assert.Equal(1L, kept.Stats.PairsQualityInfeasible);
        Assert.Empty(strict.Candidates);
    }

    [Fact]
    public void Screen_MaxCandidatesPerDemand_KeepsTheHighestBounds()
    {
        var (supplies, demands) = World(31, 200, 50);
        var context = Context(MatchingDefaults.Treatments());

        var all = WaterScreening.Screen(supplies, demands, context);
        var top = WaterScreening.Screen(supplies, demands, context, new WaterScreeningOptions { MaxCandidatesPerDemand = 3 });

        foreach (var group in all.Candidates.GroupBy(c => c.DemandIndex))
        {
            var expected = group.OrderByDescending(c => c.UpperBoundNtdPerMonth).ThenBy(c => c.SupplyIndex).Take(3);
            Assert.Equal(expected.OrderBy(c => c.SupplyIndex), top.Candidates.Where(c => c.DemandIndex == group.Key).OrderBy(c => c.SupplyIndex));
        }
    }

    [Fact]
    public void FindMatches_EvaluatesTheCandidatesAndRanksThem()
    {
        var (supplies, demands) = World(41, 60, 60);
        var context = Context(MatchingDefaults.Treatments());

        var matches = WaterMatcher.FindMatches(supplies, demands, context);

        Assert.NotEmpty(matches);
        Assert.Equal(WaterMatcher.Rank(matches), matches);
        Assert.DoesNotContain(matches, m => m.IsBlocked);
    }
}
