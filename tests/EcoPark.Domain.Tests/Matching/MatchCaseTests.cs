using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class MatchCaseTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Staff = Guid.NewGuid();

    [Fact]
    public void Lifecycle_FromCandidateToEnded_RecordsEveryStep()
    {
        var match = NewMatch();

        foreach (var state in new[] { MatchState.Proposed, MatchState.Contacted, MatchState.Negotiating })
        {
            match.Advance(state, Day, null, Staff, Now);
        }

        match.Agree(40, new CreditSplit(50, 50, 30), Day, "signed", Staff, Now);
        foreach (var state in new[] { MatchState.Permits, MatchState.Built, MatchState.Operating })
        {
            match.Advance(state, Day, null, Staff, Now);
        }

        match.RecordMonth(new YearMonth(2027, 3), 38, Staff, Now);
        match.Advance(MatchState.Ended, Day, "contract over", Staff, Now);

        Assert.Equal(
            [MatchState.Candidate, MatchState.Proposed, MatchState.Contacted, MatchState.Negotiating, MatchState.Agreed, MatchState.Permits, MatchState.Built,
                MatchState.Operating, MatchState.Ended],
            match.Steps.Select(s => s.State));
        Assert.Equal(new MatchMonth("2027-03", 38, 40, Staff, Now), match.Months.Single());
        Assert.Null(match.Next);
    }

    [Theory]
    [InlineData(MatchState.Contacted)]
    [InlineData(MatchState.Operating)]
    [InlineData(MatchState.Declined)]
    public void Advance_SkippingAState_IsRefused(MatchState to) =>
        Assert.Equal("invalid-transition", Assert.Throws<DomainException>(() => NewMatch().Advance(to, Day, null, Staff, Now)).Code);

    [Fact]
    public void Advance_ToAgreed_NeedsTheAgreement()
    {
        var match = AtNegotiating();

        Assert.Equal("agreement-required", Assert.Throws<DomainException>(() => match.Advance(MatchState.Agreed, Day, null, Staff, Now)).Code);
    }

    [Fact]
    public void Decline_NeedsAReason_AndAnOperatingMatchIsEndedInstead()
    {
        var match = NewMatch();
        Assert.Equal("reason-required", Assert.Throws<DomainException>(() => match.Decline(" ", Day, Staff, Now)).Code);

        match.Decline("buyer chose RO on tap water", Day, Staff, Now);

        Assert.Equal(MatchState.Declined, match.State);
        Assert.Equal("buyer chose RO on tap water", match.DeclineReason);
        Assert.Throws<DomainException>(() => match.Advance(MatchState.Proposed, Day, null, Staff, Now));
    }

    [Fact]
    public void Introduce_AcrossAParkBoundary_NeedsThePartnerParksStaffToJoin()
    {
        var partner = Guid.NewGuid();
        var match = new MatchCase(Guid.NewGuid(), Proposal(Guid.NewGuid(), Guid.NewGuid(), 100_000, 1_000) with { PartnerParkId = partner }, Day, Staff, Now);
        match.Consent(supplier: true, Guid.Empty, Now);
        match.Consent(supplier: false, Guid.Empty, Now);

        Assert.Equal("partner-park-required", Assert.Throws<DomainException>(() => match.Introduce(Now)).Code);
        Assert.Equal("not-partner", Assert.Throws<DomainException>(() => match.JoinAsPartner(match.ParkId, Staff, Now)).Code);
        Assert.Equal([match.ParkId], match.ParticipatingParkIds);
        match.JoinAsPartner(partner, Staff, Now);
        match.Introduce(Now);
        Assert.Equal([match.ParkId, partner], match.ParticipatingParkIds);
        Assert.Equal(Now, match.IntroducedAt);
    }

    [Fact]
    public void PartnerPark_OfAMatchWithinOnePark_IsNone()
    {
        var proposal = Proposal(Guid.NewGuid(), Guid.NewGuid(), 100_000, 1_000);

        var match = new MatchCase(Guid.NewGuid(), proposal with { PartnerParkId = proposal.ParkId }, Day, Staff, Now);

        Assert.Null(match.PartnerParkId);
        Assert.Equal("not-partner", Assert.Throws<DomainException>(() => match.JoinAsPartner(proposal.ParkId, Staff, Now)).Code);
    }

    [Fact]
    public void Introduce_NeedsBothConsents()
    {
        var match = NewMatch();
        match.Consent(supplier: true, Guid.Empty, Now);

        Assert.Equal("consent-required", Assert.Throws<DomainException>(() => match.Introduce(Now)).Code);
        match.Consent(supplier: false, Guid.Empty, Now);
        match.Introduce(Now);
        Assert.Equal(Now, match.IntroducedAt);
    }

    [Theory]
    [InlineData("", 0, "signedBy", "signer-required")]
    [InlineData("   ", 0, "signedBy", "signer-required")]
    [InlineData("王廠長", 1, "signedOn", "signed-after-today")]
    public void ConsentOnBehalf_WithoutASignerOrSignedAfterToday_IsRefused(string signedBy, int daysAfterToday, string field, string code)
    {
        var match = NewMatch();

        var error = Assert.Throws<DomainException>(() => match.RecordConsentOnBehalf(true, signedBy, Day.AddDays(daysAfterToday), Guid.NewGuid(), Day, Staff, Now));

        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.False(match.SupplierConsented);
        Assert.Empty(match.Consents);
    }

    [Fact]
    public void ConsentOnBehalf_RecordsTheSignerTheLetterAndWhoRecordedIt_AndCountsForIntroduction()
    {
        var match = NewMatch();
        var letter = Guid.NewGuid();
        var engineer = Guid.NewGuid();

        match.RecordConsentOnBehalf(true, "  王廠長 ", Day, letter, Day, Staff, Now);
        match.Consent(supplier: false, engineer, Now);
        match.Consent(supplier: false, engineer, Now); // again: recorded once
        match.Introduce(Now);

        Assert.Equal([new MatchConsent(true, Staff, Now, "王廠長", Day, letter), new MatchConsent(false, engineer, Now)], match.Consents);
        Assert.True(match.Consents[0].OnBehalf);
        Assert.Equal("already-consented",
            Assert.Throws<DomainException>(() => match.RecordConsentOnBehalf(true, "李副理", Day, Guid.NewGuid(), Day, Staff, Now)).Code);
    }

    [Fact]
    public void RecordMonth_BeforeOperation_IsRefused() =>
        Assert.Equal("not-operating", Assert.Throws<DomainException>(() => AtNegotiating().RecordMonth(new YearMonth(2027, 1), 10, Staff, Now)).Code);

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void CreditSplit_OutsideZeroToHundred_IsRefused(decimal share) =>
        Assert.Throws<DomainException>(() => new CreditSplit(share, 50, 50));

    [Fact]
    public void ParkCredits_SplitEachSavingOnce_AndIgnoreMatchesNotAgreed()
    {
        var agreed = AtNegotiating(benefit: 1_000_000, co2e: 10_000);
        agreed.Agree(40, new CreditSplit(30, 50, 25), Day, null, Staff, Now);
        var open = NewMatch(benefit: 5_000_000);

        var credits = ParkCredits.Of([agreed, open]);

        Assert.Equal(1_000_000, credits.Sum(c => c.BenefitNtdPerYear));
        Assert.Equal(10_000, credits.Sum(c => c.Co2eKgPerYear));
        Assert.Equal(300_000, credits.Single(c => c.FactoryId == agreed.SupplyFactoryId).BenefitNtdPerYear);
        Assert.Equal(7_500, credits.Single(c => c.FactoryId == agreed.DemandFactoryId).Co2eKgPerYear);
    }

    [Fact]
    public void New_BetweenStreamsOfOneFactory_IsRefused()
    {
        var factory = Guid.NewGuid();

        Assert.Throws<DomainException>(() => new MatchCase(Guid.NewGuid(), Proposal(factory, factory, 0, 0), Day, Staff, Now));
    }

    // A match takes the quotes that price something its resource's engine computes, and refuses the rest on the kind.
    [Theory]
    [InlineData(ResourceKind.Water, QuoteKind.Pipe, true)]
    [InlineData(ResourceKind.Water, QuoteKind.TransferPrice, true)]
    [InlineData(ResourceKind.Water, QuoteKind.Transport, false)]
    [InlineData(ResourceKind.Water, QuoteKind.ExchangerCapex, false)]
    [InlineData(ResourceKind.Heat, QuoteKind.Pipe, true)]
    [InlineData(ResourceKind.Heat, QuoteKind.ExchangerCapex, true)]
    [InlineData(ResourceKind.Heat, QuoteKind.OperatingCost, true)]
    [InlineData(ResourceKind.Heat, QuoteKind.TransferPrice, true)]
    [InlineData(ResourceKind.Heat, QuoteKind.TreatmentCapex, false)]
    [InlineData(ResourceKind.Heat, QuoteKind.Transport, false)]
    [InlineData(ResourceKind.Byproduct, QuoteKind.Transport, true)]
    [InlineData(ResourceKind.Byproduct, QuoteKind.TreatmentCapex, true)]
    [InlineData(ResourceKind.Byproduct, QuoteKind.TreatmentOpex, true)]
    [InlineData(ResourceKind.Byproduct, QuoteKind.TransferPrice, true)]
    [InlineData(ResourceKind.Byproduct, QuoteKind.Pipe, false)]
    [InlineData(ResourceKind.Byproduct, QuoteKind.OperatingCost, false)]
    public void RecordQuote_TakesTheKindsItsResourceHas_AndRefusesTheOthersOnTheKind(ResourceKind resource, QuoteKind kind, bool taken)
    {
        var match = new MatchCase(Guid.NewGuid(), Proposal(Guid.NewGuid(), Guid.NewGuid(), 100_000, 1_000) with { Resource = resource }, Day, Staff, Now);

        var record = () => match.RecordQuote(kind, 10m, "supplier's offer", Day, Day, Staff, Now);

        if (taken)
        {
            record();
            Assert.Equal(kind, Assert.Single(match.Quotes).Kind);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(record);
            Assert.Equal(("kind", "not-for-resource"), (refused.Field, refused.Code));
            Assert.Empty(match.Quotes);
        }

        Assert.Equal(taken, QuoteKinds.Applies(resource, kind));
    }

    [Fact]
    public void CurrentQuotes_TakeTheLatestOfEachKind_ForTheResourcesEngine()
    {
        var heat = new MatchCase(Guid.NewGuid(), Proposal(Guid.NewGuid(), Guid.NewGuid(), 100_000, 1_000) with { Resource = ResourceKind.Heat }, Day, Staff, Now);
        heat.RecordQuote(QuoteKind.TransferPrice, 0.8m, "first offer", Day, Day, Staff, Now);
        heat.RecordQuote(QuoteKind.TransferPrice, 0.6m, "second offer", Day, Day, Staff, Now);
        heat.RecordQuote(QuoteKind.OperatingCost, 40_000m, "utility estimate", Day, Day, Staff, Now);
        var material = new MatchCase(Guid.NewGuid(), Proposal(Guid.NewGuid(), Guid.NewGuid(), 100_000, 1_000) with { Resource = ResourceKind.Byproduct }, Day, Staff, Now);
        material.RecordQuote(QuoteKind.Transport, 320m, "haulier", Day, Day, Staff, Now);

        Assert.Equal(new HeatQuotes(OperatingNtdPerYear: 40_000m, TransferPriceNtdPerKwh: 0.6m), heat.CurrentHeatQuotes());
        Assert.Equal(new ByproductQuotes(TransportNtdPerTonne: 320m), material.CurrentByproductQuotes());
    }

    private static MatchCase AtNegotiating(decimal benefit = 100_000, decimal co2e = 1_000)
    {
        var match = NewMatch(benefit, co2e);
        match.Advance(MatchState.Proposed, Day, null, Staff, Now);
        match.Advance(MatchState.Contacted, Day, null, Staff, Now);
        match.Advance(MatchState.Negotiating, Day, null, Staff, Now);
        return match;
    }

    private static MatchCase NewMatch(decimal benefit = 100_000, decimal co2e = 1_000) =>
        new(Guid.NewGuid(), Proposal(Guid.NewGuid(), Guid.NewGuid(), benefit, co2e), Day, Staff, Now);

    private static MatchProposal Proposal(Guid supplier, Guid buyer, decimal benefit, decimal co2e) =>
        new(Guid.NewGuid(), ResourceKind.Water, Guid.NewGuid(), Guid.NewGuid(), supplier, buyer, 40, "m³/day", benefit, co2e, "{}");
}
