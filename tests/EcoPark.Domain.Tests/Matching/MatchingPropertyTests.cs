using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>
/// Properties checked on 600 random cases each (fixed seeds, so a failure reproduces): random effluents,
/// demands, catalogues and distances.
/// </summary>
public sealed class MatchingPropertyTests
{
    private const int Samples = 600;

    /// <summary>
    /// Samples of a distance property that must compare two benefits (both distances with economics): a quarter of them
    /// (the seeds in use give 247–290 of 600).
    /// </summary>
    private const int MinimumCompared = Samples / 4;

    private static bool Feasible(WaterMatchResult r) =>
        r.Status is WaterMatchStatus.FeasibleAsIs or WaterMatchStatus.FeasibleWithTreatment or WaterMatchStatus.FeasibleWithBlending;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AddingAFailingLimit_NeverTurnsAPairFeasible(int seed)
    {
        var random = new Random(seed);
        var checkedCases = 0;
        for (var i = 0; i < Samples; i++)
        {
            var context = Context(RandomStreams.Catalogue(random));
            var supply = RandomStreams.Supply(random) with { ParkId = ParkA, Location = Here, FreeFlowM3PerDay = 500m };
            var demand = RandomStreams.Demand(random) with { ParkId = ParkA, Location = Here, ReclaimedAllowed = true, Use = WaterUse.Cooling };
            var measured = supply.Quality.Where(v => v.Key != WaterQuality.Ph && v.Value > 0).ToList();
            if (measured.Count == 0)
            {
                continue;
            }

            var value = measured[random.Next(measured.Count)];
            var tighter = Math.Round(value.Value * RandomStreams.Value(random, 0.05m, 0.99m), 4);
            var limits = demand.Limits.Count > 0 ? demand.Limits : context.LimitsFor(demand);
            var added = limits.Where(l => l.Key != value.Key).Append(new ParameterLimit(value.Key, null, Math.Min(tighter, limits.FirstOrDefault(l => l.Key == value.Key)?.Max ?? tighter))).ToList();

            var before = WaterMatcher.Evaluate(supply, demand, context);
            var after = WaterMatcher.Evaluate(supply, demand with { Limits = added }, context);

            Assert.False(after.FeasibleAsIs, $"sample {i}");
            Assert.True(!Feasible(after) || Feasible(before), $"sample {i}: {before.Status} → {after.Status}");
            Assert.True(after.Route == WaterRoute.None || before.Route != WaterRoute.None, $"sample {i}: a route appeared");
            checkedCases++;
        }

        Assert.True(checkedCases > Samples / 2);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void MoreDistance_NeverRaisesTheWaterNetBenefit(int seed)
    {
        var random = new Random(seed);
        var parameters = MatchingDefaults.Parameters();
        var context = Context(MatchingDefaults.Treatments(), parameters);
        var compared = 0;
        for (var i = 0; i < Samples; i++)
        {
            var supply = RandomStreams.Supply(random) with { ParkId = ParkA, Location = Here };
            var demand = RandomStreams.Demand(random) with { ParkId = ParkB };
            var near = random.NextDouble() * 6_000;
            var far = near + (random.NextDouble() * 3_000);

            var a = WaterMatcher.Evaluate(supply, demand with { Location = North(Here, near) }, context);
            var b = WaterMatcher.Evaluate(supply, demand with { Location = North(Here, far) }, context);

            var netNear = a.Economics?.NetAnnualBenefitNtd ?? decimal.MinValue;
            var netFar = b.Economics?.NetAnnualBenefitNtd ?? decimal.MinValue;
            Assert.True(netFar <= netNear, $"sample {i}: {near:F0} m → {netNear}, {far:F0} m → {netFar}");
            if (a.Economics is not null && b.Economics is not null)
            {
                compared++;
            }
        }

        // A sample compares two figures only when both distances have economics: without enough of them the test checks nothing.
        Assert.True(compared >= MinimumCompared, $"only {compared} of {Samples} samples had economics at both distances");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void MoreDistance_NeverRaisesTheHeatNetBenefit(int seed)
    {
        var random = new Random(seed);
        var parameters = MatchingDefaults.Parameters();
        var media = Enum.GetValues<HeatMedium>();
        var compared = 0;
        for (var i = 0; i < Samples; i++)
        {
            var temperature = RandomStreams.Value(random, 40m, 250m);
            var supply = new HeatSupplyInput
            {
                Id = Guid.NewGuid(),
                ParkId = ParkA,
                Location = Here,
                Medium = media[random.Next(media.Length)],
                SupplyTemperatureC = temperature,
                CooledToC = temperature - RandomStreams.Value(random, 5m, 35m),
                LoadKw = RandomStreams.Value(random, 50m, 5_000m),
                HoursPerDay = RandomStreams.Value(random, 1m, 24m),
                DaysPerYear = random.Next(100, 366),
                StartHour = random.Next(24),
                DisposalCostNtdPerKwh = random.Next(3) == 0 ? RandomStreams.Value(random, 0m, 0.3m) : null,
            };
            var required = RandomStreams.Value(random, 30m, 200m);
            var demand = new HeatDemandInput
            {
                Id = Guid.NewGuid(),
                ParkId = ParkB,
                Medium = media[random.Next(media.Length)],
                RequiredTemperatureC = required,
                ReturnTemperatureC = required - RandomStreams.Value(random, 5m, 40m),
                LoadKw = RandomStreams.Value(random, 50m, 5_000m),
                HoursPerDay = RandomStreams.Value(random, 1m, 24m),
                DaysPerYear = random.Next(100, 366),
                StartHour = random.Next(24),
                CurrentFuel = random.Next(4) == 0 ? null : (Fuel)random.Next(6),
            };
            var near = random.NextDouble() * 22_000;
            var far = near + (random.NextDouble() * 5_000);

            var a = HeatMatcher.Evaluate(supply, demand with { Location = North(Here, near) }, parameters);
            var b = HeatMatcher.Evaluate(supply, demand with { Location = North(Here, far) }, parameters);

            var netNear = a.Economics?.NetAnnualBenefitNtd ?? decimal.MinValue;
            var netFar = b.Economics?.NetAnnualBenefitNtd ?? decimal.MinValue;
            Assert.True(netFar <= netNear, $"sample {i}: {near:F0} m → {netNear}, {far:F0} m → {netFar}");
            if (a.Economics is not null && b.Economics is not null)
            {
                compared++;
            }
        }

        // A sample compares two figures only when both distances have economics: without enough of them the test checks nothing.
        Assert.True(compared >= MinimumCompared, $"only {compared} of {Samples} samples had economics at both distances");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void CheapestTrain_EqualsABruteForceOverEverySubset(int seed)
    {
        var random = new Random(seed);
        var feasibleCases = 0;
        for (var i = 0; i < Samples; i++)
        {
            var catalogue = RandomStreams.Catalogue(random);
            var limits = RandomStreams.Limits(random);
            var checks = LimitJudge.Judge(RandomStreams.Quality(random, 0.9), limits, Today, 365);
            if (!checks.Any(c => c.Verdict == Verdict.Fail))
            {
                continue;
            }

            var plan = TreatmentPlanner.Plan(checks, catalogue, 360m, 10m);

            var best = decimal.MaxValue;
            var steps = catalogue.Steps;
            for (var mask = 0; mask < 1 << steps.Count; mask++)
            {
                var train = steps.Where((_, k) => (mask & (1 << k)) != 0).ToArray();
                var passes = checks.Where(c => c.Value is not null)
                    .All(c => LimitJudge.Compare(TreatmentPlanner.Apply(c.Key, c.Value!.Value, train), c.Min, c.Max).Verdict == Verdict.Pass);
                if (passes)
                {
                    best = Math.Min(best, TreatmentPlanner.Cost(train, 3_600m).Levelised);
                }
            }

            Assert.Equal(best != decimal.MaxValue, plan.Feasible);
            if (plan.Feasible)
            {
                feasibleCases++;
                var chosen = steps.Where(s => plan.Steps.Contains(s.Code)).ToArray();
                Assert.Equal(best, plan.LevelisedCostNtdPerM3);
                Assert.Equal(best, TreatmentPlanner.Cost(chosen, 3_600m).Levelised);
                Assert.All(plan.After.Where(c => c.Value is not null), c => Assert.Equal(Verdict.Pass, c.Verdict));
            }
        }

        Assert.True(feasibleCases > 50, $"only {feasibleCases} feasible cases");
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    public void BlendShare_MeetsEveryLimit_AndAnyMoreEffluentBreaksOne(int seed)
    {
        var random = new Random(seed);
        var sharpCases = 0;
        for (var i = 0; i < Samples; i++)
        {
            var limits = RandomStreams.Limits(random);
            var effluent = RandomStreams.Quality(random, 1);
            var current = RandomStreams.Quality(random, 1, 0.05m);

            var blend = Blending.Solve(limits, effluent, current, Today, 365);
            if (blend.Share is not { } share)
            {
                continue;
            }

            Assert.All(blend.AtShare, c => Assert.Equal(Verdict.Pass, c.Verdict));
            if (share >= 1)
            {
                continue;
            }

            sharpCases++;
            var more = share + 0.000_001m;
            var breaks = limits.Any(l =>
            {
                var e = effluent.Single(v => v.Key == l.Key).Value;
                var c = current.Single(v => v.Key == l.Key).Value;
                return l.Key == WaterQuality.Ph
                    ? LimitJudge.Compare(e, l.Min, l.Max).Verdict == Verdict.Fail
                    : LimitJudge.Compare(Blending.Mix(e, c, more), l.Min, l.Max).Verdict == Verdict.Fail;
            });
            Assert.True(breaks, $"sample {i}: share {share} is not the largest");
        }

        Assert.True(sharpCases > 50, $"only {sharpCases} cases with a share below 1");
    }
}
