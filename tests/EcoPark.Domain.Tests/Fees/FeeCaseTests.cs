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
        feeCase.SetMonth(new YearMonth(2025, 11), 30_000, 0, 0, 0, reason: null);

        var error = Assert.Throws<DomainException>(() => feeCase.SetMonth(new YearMonth(2025, 11), 31_000, 0, 0, 0, reason: " "));

        Assert.Equal("reason-required", error.Code);
        feeCase.SetMonth(new YearMonth(2025, 11), 31_000, 0, 0, 0, "meter re-read");
        Assert.Equal("amended", Assert.Single(feeCase.Months).Source);
    }

    [Fact]
    public void ToRequest_CountsOnlyAcceptedClaims()
    {
        var feeCase = NewCase();
        var accepted = feeCase.AddClaim(FeeClaimKind.PollutionFee, 20_000, 0, "receipts");
        var rejected = feeCase.AddClaim(FeeClaimKind.PollutionFee, 50_000, 0, "late receipts");
        feeCase.AddClaim(FeeClaimKind.Article8, 1_000, 0, "pending");
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
        var claim = feeCase.AddClaim(FeeClaimKind.PollutionFee, 1_000, 0, "receipt");
        Assert.Equal("not-calculated", Assert.Throws<DomainException>(() => feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), [])).Code);
        Calculate(feeCase);
        Assert.Equal("pending", Assert.Throws<DomainException>(() => feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), [])).Code);
        feeCase.DecideClaim(claim.Id, accept: true, "ok", Guid.NewGuid(), Now);
        Calculate(feeCase);

        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), []);

        Assert.Equal(FeeCaseStatus.Decided, feeCase.Status);
        Assert.Equal("case-decided", Assert.Throws<DomainException>(() => feeCase.SetMonth(new YearMonth(2026, 1), 1, 0, 0, 0, "late")).Code);
        Assert.Throws<DomainException>(() => feeCase.AddClaim(FeeClaimKind.PollutionFee, 1, 0, "late"));
    }

    [Fact]
    public void Decide_WithAWindowMonthNeitherFilledNorConfirmedZero_IsRefused_AndAConfirmedZeroCountsAsFilled()
    {
        var feeCase = NewCase();
        YearMonth[] window = [new(2025, 11), new(2025, 12), new(2026, 1)];
        feeCase.SetMonth(new YearMonth(2025, 11), 30_000, 0, 0, 0, null);
        Calculate(feeCase);

        var error = Assert.Throws<DomainException>(() => feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), window));

        Assert.Equal("months-missing", error.Code);
        Assert.Equal([new YearMonth(2025, 12), new YearMonth(2026, 1)], feeCase.MissingMonths(window));
        feeCase.ConfirmZero(new YearMonth(2025, 12), "plant shut for refit");
        feeCase.ConfirmZero(new YearMonth(2026, 1), null);
        Assert.Empty(feeCase.MissingMonths(window));
        Assert.True(feeCase.Months.Single(m => m.Month == "2025-12").ConfirmedZero);
        Assert.Equal("month-filled", Assert.Throws<DomainException>(() => feeCase.ConfirmZero(new YearMonth(2025, 11), null)).Code);
        Calculate(feeCase);
        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), window);
        Assert.Equal(FeeCaseStatus.Decided, feeCase.Status);
    }

    [Fact]
    public void Reexamine_SupersedesTheDecidedVersion_AndReopensClaimsForDecision()
    {
        var feeCase = NewCase();
        feeCase.SetMonth(new YearMonth(2026, 1), 20_000, 0, 0, 0, null);
        var claim = feeCase.AddClaim(FeeClaimKind.PollutionFee, 1_000, 0, "receipt");
        feeCase.DecideClaim(claim.Id, accept: true, "ok", Guid.NewGuid(), Now);
        Calculate(feeCase);
        feeCase.Decide(Guid.NewGuid(), Now, "EP-1", new DateOnly(2026, 8, 31), []);

        var next = feeCase.Reexamine(Guid.NewGuid());

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

        Assert.Equal("approval-required", Assert.Throws<DomainException>(() => feeCase.AddClaim(FeeClaimKind.InvestmentOffset, 10, 0, "x")).Code);
        Assert.Equal("approval-required", Assert.Throws<DomainException>(() =>
            feeCase.AddClaim(FeeClaimKind.PollutionFee, 10, 0, "x", new ApprovalReference("A-1", 1_000, 2026, 10))).Code);
    }

    private static FeeCase NewCase() => new(Guid.NewGuid(), Guid.NewGuid(), 2026, PayerCategory.Business, []);

    private static void Calculate(FeeCase feeCase)
    {
        var result = FeeEngine.Calculate(TestRules.Regulation2023(), feeCase.ToRequest());
        feeCase.RecordCalculation(result, "{}", Now);
    }
}
