using EcoPark.Domain.Common;
using EcoPark.Domain.Reporting;

namespace EcoPark.Domain.Tests.Reporting;

public sealed class PublicFiguresTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(40, true)]
    public void AFigure_IsShown_OnlyFromThreeContributingFactories(int contributors, bool shown)
    {
        var figure = PublicFigures.Of(new KpiFigure("measured.waterM3", 12_345.6m, "m3", KpiBasis.Measured, contributors));

        Assert.Equal(shown, PublicFigures.IsShown(contributors));
        Assert.Equal(!shown, figure.Suppressed);
        Assert.Equal(shown ? 12_345.6m : null, figure.Value);
        Assert.Equal("m3", figure.Unit);
        Assert.Equal(KpiBasis.Measured, figure.Basis);
    }

    [Fact]
    public void TheHeadline_HoldsParkTotalsOnly_NeverOneSidesMoney()
    {
        Assert.DoesNotContain("savings.supplierNtd", PublicFigures.HeadlineKeys);
        Assert.DoesNotContain("savings.buyerNtd", PublicFigures.HeadlineKeys);
        Assert.DoesNotContain("savings.waterFeeNtd", PublicFigures.HeadlineKeys);
        Assert.Equal(PublicFigures.HeadlineKeys.Count, PublicFigures.HeadlineKeys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("2026-01")]
    [InlineData("2025")]
    public void TheHandMadeParksHeadline_SuppressesEachFigure_ByItsOwnContributors(string period)
    {
        var kpis = KpiCalculator.Compute(HandMadePark.Records(), ReportPeriod.Parse(period), HandMadePark.Today);
        var contributors = kpis.Figures().ToDictionary(f => f.Key, f => f.Contributors);

        var headline = PublicFigures.Headline(kpis);

        Assert.NotEmpty(headline);
        Assert.All(headline, f => Assert.Equal(contributors[f.Key] < PublicFigures.MinimumContributors, f.Suppressed));
    }

    [Theory]
    [InlineData(2025, "2026-01-01", true)]
    [InlineData(2025, "2025-12-31", false)]
    [InlineData(2026, "2026-06-30", false)]
    [InlineData(2020, "2026-06-30", true)]
    public void OnlyAClosedYear_CanBePublished(int year, string today, bool allowed)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        ParkPublication Publish() => new(Guid.NewGuid(), Guid.NewGuid(), year, null, DateTimeOffset.UnixEpoch, day);

        if (allowed)
        {
            Assert.Equal(year, Publish().Year);
        }
        else
        {
            Assert.Equal("year", Assert.Throws<DomainException>(Publish).Field);
        }
    }
}
