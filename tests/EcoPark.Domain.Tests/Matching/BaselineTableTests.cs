using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>The baseline recommended maxima of water-quality-and-reuse.md, row by row.</summary>
public sealed class BaselineTableTests
{
    public static TheoryData<WaterUse, string, decimal?, decimal?> Rows()
    {
        var data = new TheoryData<WaterUse, string, decimal?, decimal?>();
        foreach (var (use, key, min, max) in TestBaseline.Rows)
        {
            data.Add(use, key, min, max);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void For_EachCellOfTheTable_GivesThatLimit(WaterUse use, string key, decimal? min, decimal? max)
    {
        var expected = new ParameterLimit(key, min, max);

        Assert.Equal(expected, Assert.Single(TestBaseline.Set.For(use), l => l.Key == key));
        Assert.Equal(expected, Assert.Single(MatchingDefaults.Baseline().For(use), l => l.Key == key));
    }

    [Theory]
    [InlineData(WaterUse.Process, 10)]
    [InlineData(WaterUse.Boiler, 10)]
    [InlineData(WaterUse.Cooling, 9)]
    [InlineData(WaterUse.Scrubber, 0)]
    [InlineData(WaterUse.Domestic, 0)]
    [InlineData(WaterUse.Other, 0)]
    public void For_EachUse_HasNoLimitBeyondTheTable(WaterUse use, int count)
    {
        Assert.Equal(count, TestBaseline.Set.For(use).Count);
        Assert.Equal(TestBaseline.Set.For(use), MatchingDefaults.Baseline().For(use));
    }

    [Fact]
    public void Baseline_IsTheDated2019VersionWithItsSource()
    {
        var baseline = MatchingDefaults.Baseline();

        Assert.Equal("baseline-2019", baseline.Version);
        Assert.Equal(new DateOnly(2019, 1, 1), baseline.EffectiveFrom);
        Assert.Contains("2019", baseline.Source);
        Assert.Contains("水資源整合案例及執行成效", baseline.Source);
    }
}
