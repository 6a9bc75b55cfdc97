using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Tests.Fees;

public sealed class FeeCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void SetMonth_ChangingAMonthWithFigures_NeedsAReason()
    {
        var feeCase = NewCase();
        feeCase.SetMonth(new YearMonth(2025, 11), 30_000, 0, 0, 0, reason: null, Now);

        var error = Assert.Throws<DomainException>(() => feeCase.SetMonth(new YearMonth(2025, 11), 31_000, 0, 0, 0, reason: " ", Now));

        Assert.Equal("reason-required", error.Code);
        feeCase.SetMonth(new YearMonth(2025, 11), 31_000, 0, 0, 0, "meter re-read", Now);
        Assert.Equal("amended", Assert.Single(feeCase.Months).Source);
    }

    [Fact]
    public void ToRequest_CountsOnlyAcceptedClaims()
    {
        var feeCase = NewCase();
        var accepted = feeCase.AddClaim(FeeClaimKind.PollutionFee, 20_000, 0, "receipts", Now);
        var rejected = feeCase.AddClaim(FeeClaimKind.PollutionFee, 50_000, 0, "late receipts", Now);
        feeCase.AddClaim(FeeClaimKind.Article8, 1_000, 0, "pending", Now);
        feeCase.DecideClaim(accepted.Id, accept: true, "ok", Guid.NewGuid(), Now);
        feeCase.DecideClaim(rejected.Id, accept: false, "paid after 30 Jun", Guid.NewGuid(), Now);

        var claims = feeCase.ToRequest().Claims;

        Assert.Equal(20_000, claims.PollutionFeePaidNtd);
        Assert.Equal(0, claims.TapPriceConservationNtd);
    }

    [Fact]
    public void Decide_NeedsACalculationAndNoPendingClaim_ThenTheCaseIsImmutable()
    {
        var feeCase = NewCase();
        var claim = feeCase.AddClaim(FeeClaimKind.PollutionFee, 1_000, 0, "receipt", Now);
        Assert.Equal("not-calculated", Assert.Throws<DomainException>(() => feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), [])).Code);
        Calculate(feeCase);
        Assert.Equal("pending", Assert.Throws<DomainException>(() => feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), [])).Code);
        feeCase.DecideClaim(claim.Id, accept: true, "ok", Guid.NewGuid(), Now);
        Calculate(feeCase);

        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), []);

        Assert.Equal(FeeCaseStatus.Decided, feeCase.Status);
        Assert.Equal("case-decided", Assert.Throws<DomainException>(() => feeCase.SetMonth(new YearMonth(2026, 1), 1, 0, 0, 0, "late", Now)).Code);
        Assert.Throws<DomainException>(() => feeCase.AddClaim(FeeClaimKind.PollutionFee, 1, 0, "late", Now));
    }

    [Fact]
    public void Decide_WithAWindowMonthNeitherFilledNorConfirmedZero_IsRefused_AndAConfirmedZeroCountsAsFilled()
    {
        var feeCase = NewCase();
        YearMonth[] window = [new(2025, 11), new(2025, 12), new(2026, 1)];
        feeCase.SetMonth(new YearMonth(2025, 11), 30_000, 0, 0, 0, null, Now);
        Calculate(feeCase);

        var error = Assert.Throws<DomainException>(() => feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), window));

        Assert.Equal("months-missing", error.Code);
        Assert.Equal([new YearMonth(2025, 12), new YearMonth(2026, 1)], feeCase.MissingMonths(window));
        feeCase.ConfirmZero(new YearMonth(2025, 12), "plant shut for refit", Now);
        feeCase.ConfirmZero(new YearMonth(2026, 1), null, Now);
        Assert.Empty(feeCase.MissingMonths(window));
        Assert.True(feeCase.Months.Single(m => m.Month == "2025-12").ConfirmedZero);
        Assert.Equal("month-filled", Assert.Throws<DomainException>(() => feeCase.ConfirmZero(new YearMonth(2025, 11), null, Now)).Code);
        Calculate(feeCase);
        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), window);
        Assert.Equal(FeeCaseStatus.Decided, feeCase.Status);
    }

    [Fact]
    public void Reexamine_SupersedesTheDecidedVersion_AndReopensClaimsForDecision()
    {
        var feeCase = NewCase();
        feeCase.SetMonth(new YearMonth(2026, 1), 20_000, 0, 0, 0, null, Now);
        var claim = feeCase.AddClaim(FeeClaimKind.PollutionFee, 1_000, 0, "receipt", Now);
        feeCase.DecideClaim(claim.Id, accept: true, "ok", Guid.NewGuid(), Now);
        Calculate(feeCase);
        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), []);

        var next = feeCase.Reexamine(Guid.NewGuid(), Now);

        Assert.Equal(FeeCaseStatus.Superseded, feeCase.Status);
        Assert.Equal("EP-1", feeCase.NoticeNumber);
        Assert.Equal(2, next.CaseVersion);
        Assert.Equal(feeCase.Id, next.PreviousVersionId);
        Assert.Equal(FeeCaseStatus.Open, next.Status);
        Assert.Equal(ClaimDecision.Pending, Assert.Single(next.Claims).Decision);
        Assert.Equal(feeCase.Months, next.Months);
    }

    [Fact]
    public void AddClaim_InvestmentOffsetWithoutApproval_IsRefused()
    {
        var feeCase = NewCase();

        Assert.Equal("approval-required", Assert.Throws<DomainException>(() => feeCase.AddClaim(FeeClaimKind.InvestmentOffset, 10, 0, "x", Now)).Code);
        Assert.Equal("approval-required", Assert.Throws<DomainException>(() =>
            feeCase.AddClaim(FeeClaimKind.PollutionFee, 10, 0, "x", Now, new ApprovalReference("A-1", 1_000, 2026, 10))).Code);
    }

    [Fact]
    public void Calculate_KeepsTheEnginesResult_AndAnyLaterChangeClearsIt()
    {
        var feeCase = NewCase();
        foreach (var month in TestRules.Window(2026, tap: 30_000))
        {
            feeCase.SetMonth(month.Month, month.TapM3, 0, 0, 0, null, Now);
        }

        var result = feeCase.Calculate(TestRules.Regulation2023(), Now.AddMinutes(5));

        Assert.Equal(FeeEngine.Calculate(TestRules.Regulation2023(), feeCase.ToRequest()).NetFeeNtd, result.NetFeeNtd);
        Assert.True(result.NetFeeNtd > 0);
        Assert.Equal(result.NetFeeNtd, feeCase.NetFeeNtd);
        Assert.Equal(result.NetFeeNtd, feeCase.StoredCalculation()!.NetFeeNtd);
        Assert.Equal(result.Steps.Count, feeCase.StoredCalculation()!.Steps.Count);
        Assert.Equal(("regulation-2023", 1), (feeCase.RuleSetCode, feeCase.RuleSetVersion));
        Assert.Equal(Now.AddMinutes(5), feeCase.CalculatedAt);

        feeCase.SetMonth(new YearMonth(2026, 1), 31_000, 0, 0, 0, "meter re-read", Now.AddMinutes(6));

        Assert.Null(feeCase.StoredCalculation());
        Assert.Null(feeCase.NetFeeNtd);
        Assert.Null(feeCase.CalculatedAt);
    }

    [Fact]
    public void Calculate_WithARuleSetNotInForceForTheFeeYear_OrOfAnotherScheme_IsRefused()
    {
        var feeCase = NewCase();
        var later = TestRules.Regulation2023() with { EffectiveFrom = new DateOnly(2027, 1, 1) };

        Assert.Equal("rule-set-not-in-force", Assert.Throws<DomainException>(() => feeCase.Calculate(later, Now)).Code);
        Assert.Equal("rule-set-not-in-force", Assert.Throws<DomainException>(() => feeCase.Calculate(TestRules.Draft2019(), Now)).Code);
        Assert.Null(feeCase.CalculationJson);
    }

    public static TheoryData<string, Action<FeeCase, DateTimeOffset>> Mutators() => new()
    {
        { "set a month", (c, at) => c.SetMonth(new YearMonth(2025, 11), 1_000, 0, 0, 0, null, at) },
        { "confirm a zero", (c, at) => c.ConfirmZero(new YearMonth(2025, 12), null, at) },
        { "record a verification", (c, at) => c.RecordVerification(new RecyclingVerification("lab", new DateOnly(2026, 3, 1), 80), RecyclingRateStatus.Within, at) },
        { "add a claim", (c, at) => c.AddClaim(FeeClaimKind.PollutionFee, 10, 0, "receipt", at) },
        { "decide a claim", (c, at) => c.DecideClaim(c.AddClaim(FeeClaimKind.PollutionFee, 10, 0, "receipt", Now).Id, accept: true, "ok", Guid.NewGuid(), at) },
        { "file evidence", (c, at) => c.RecordEvidence(null, at) },
        { "calculate", (c, at) => c.Calculate(TestRules.Regulation2023(), at) },
        { "decide", (c, at) => { c.Calculate(TestRules.Regulation2023(), Now); c.Decide(Guid.NewGuid(), at, "EP-1", new DateOnly(2026, 8, 31), []); } },
    };

    [Theory]
    [MemberData(nameof(Mutators))]
    public void EveryChange_SetsLastChangedAtToItsOwnTime(string change, Action<FeeCase, DateTimeOffset> mutate)
    {
        var feeCase = NewCase();
        var at = Now.AddHours(3);

        mutate(feeCase, at);

        Assert.True(feeCase.LastChangedAt == at, $"{change}: last changed {feeCase.LastChangedAt}, expected {at}");
    }

    [Fact]
    public void RecordEvidence_ForAClaimOfAnotherCase_IsRefused_AndADecidedCaseTakesNoEvidence()
    {
        var feeCase = NewCase();

        Assert.Equal("claim-not-found", Assert.Throws<DomainException>(() => feeCase.RecordEvidence(Guid.NewGuid(), Now)).Code);
        Calculate(feeCase);
        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), []);
        Assert.Equal("case-decided", Assert.Throws<DomainException>(() => feeCase.RecordEvidence(null, Now)).Code);
    }

    private static FeeCase NewCase() => new(Guid.NewGuid(), Guid.NewGuid(), 2026, PayerCategory.Business, [], Now);

    private static void Calculate(FeeCase feeCase) => feeCase.Calculate(TestRules.Regulation2023(), Now);
}
