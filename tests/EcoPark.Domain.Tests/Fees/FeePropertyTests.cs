using EcoPark.Domain.Fees;
using static EcoPark.Domain.Tests.Fees.TestRules;

namespace EcoPark.Domain.Tests.Fees;

/// <summary>
/// Properties checked on 2,000 random payers each (fixed seeds, so a failure reproduces): random volumes
/// by source, statuses, half rate and claims, including claims far above the fee.
/// </summary>
public sealed class FeePropertyTests
{
    private const int Samples = 2_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void NetFee_IsNeverNegative_AndNeverAboveGross(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Samples; i++)
        {
            var (rules, request) = RandomCase(random);

            var result = FeeEngine.Calculate(rules, request);

            Assert.InRange(result.NetFeeNtd, 0, result.GrossFeeNtd);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void ArticleSixItems_NeverTakeMoreThanSixtyPercent(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Samples; i++)
        {
            var (rules, request) = RandomCase(random);
            var withoutArt6 = request with
            {
                Claims = request.Claims with { ReclaimedAndDesalinatedM3 = 0, InvestmentOffsetNtd = 0, PollutionFeePaidNtd = 0, TapPriceConservationNtd = 0 },
            };

            var baseline = FeeEngine.Calculate(rules, withoutArt6);
            var result = FeeEngine.Calculate(rules, request with { Claims = request.Claims with { TapPriceConservationNtd = 0 } });

            // Rounding the totals may move each by half an NTD.
            Assert.True(result.NetFeeNtd >= (baseline.NetFeeNtd * 0.4m) - 1, $"sample {i}: {result.NetFeeNtd} < 40 % of {baseline.NetFeeNtd}");
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Fee_NeverFalls_WhenAnyVolumeRises(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Samples; i++)
        {
            var (rules, request) = RandomCase(random);
            var months = request.Months.ToList();
            var index = random.Next(months.Count);
            var more = (decimal)random.Next(1, 20_000);
            months[index] = random.Next(4) switch
            {
                0 => months[index] with { TapM3 = months[index].TapM3 + more },
                1 => months[index] with { SurfaceM3 = months[index].SurfaceM3 + more },
                2 => months[index] with { GroundwaterM3 = months[index].GroundwaterM3 + more },
                _ => months[index] with { OtherSupplierM3 = months[index].OtherSupplierM3 + more },
            };

            var before = FeeEngine.Calculate(rules, request);
            var after = FeeEngine.Calculate(rules, request with { Months = months });

            Assert.True(after.NetFeeNtd >= before.NetFeeNtd, $"sample {i}: {before.NetFeeNtd} → {after.NetFeeNtd}");
        }
    }

    private static (FeeRuleSet Rules, FeeRequest Request) RandomCase(Random random)
    {
        var draft = random.Next(4) == 0;
        var claims = new FeeClaims
        {
            ReclaimedAndDesalinatedM3 = random.Next(3) == 0 ? random.Next(0, 100_000) : 0,
            CommittedReclaimedM3 = random.Next(3) == 0 ? random.Next(0, 100_000) : 0,
            InvestmentOffsetNtd = random.Next(3) == 0 ? random.Next(0, 500_000) : 0,
            PollutionFeePaidNtd = random.Next(3) == 0 ? random.Next(0, 500_000) : 0,
            TapPriceConservationNtd = random.Next(3) == 0 ? random.Next(0, 300_000) : 0,
            DraftReductionPercent = random.Next(0, 101),
        };
        var status = (RecyclingRateStatus)random.Next(4);
        if (draft)
        {
            var period = random.Next(2) == 0 ? DraftPeriod.Month : DraftPeriod.HalfYear;
            return (Draft2019(), new FeeRequest(2026, PayerCategory.Business, [Month(random, new YearMonth(2026, 1))], status, claims, DraftPeriod: period));
        }

        var rules = random.Next(2) == 0 ? Regulation : Regulation with { ReclaimedReductionTable = SampleReclaimedTable };
        var months = Enumerable.Range(0, 6).Where(_ => random.Next(5) > 0).Select(i => Month(random, new YearMonth(2025, 11).AddMonths(i))).ToList();
        bool? halfRate = random.Next(3) switch { 0 => null, 1 => true, _ => false };
        return (Regulation2023(rules), new FeeRequest(2026, PayerCategory.Business, months, status, claims, halfRate));
    }

    private static MonthlyVolumes Month(Random random, YearMonth month) =>
        new(month, Volume(random), Volume(random), Volume(random), Volume(random));

    private static decimal Volume(Random random) => random.Next(3) == 0 ? 0 : random.Next(0, 40_000) + (random.Next(100) / 100m);
}
