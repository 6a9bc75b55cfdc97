using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Tests.Fees;

/// <summary>The fee calendar and the version in force are rule data: dates come from the rule set, not from code.</summary>
public sealed class FeeCalendarTests
{
    [Theory]
    [InlineData("2026-07-20", "2026-08-31")] // decided in time: 31 August
    [InlineData("2026-08-01", "2026-08-31")] // exactly 30 days before
    [InlineData("2026-08-02", "2026-09-01")] // later: 30 days after the decision
    [InlineData("2026-10-15", "2026-11-14")]
    public void DueDate_IsTheStatutoryDay_OrThirtyDaysAfterALaterDecision(string decided, string due)
    {
        Assert.Equal(DateOnly.Parse(due), FeeCalendarRules.Statutory.DueDate(2026, DateOnly.Parse(decided)));
    }

    [Fact]
    public void DueDate_FollowsAVersionsOwnCalendar()
    {
        var calendar = FeeCalendarRules.Statutory with { Due = new(9, 15), DueDaysAfterLateDecision = 45 };

        Assert.Equal(new DateOnly(2026, 9, 15), calendar.DueDate(2026, new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateOnly(2026, 10, 30), calendar.DueDate(2026, new DateOnly(2026, 9, 15)));
    }

    [Theory]
    [InlineData("2026-04-30", 2026)]
    [InlineData("2026-05-01", 2027)]
    [InlineData("2026-12-31", 2027)]
    [InlineData("2026-01-01", 2026)]
    public void NextFeeYear_TurnsOnceTheWindowHasEnded(string today, int feeYear)
    {
        Assert.Equal(feeYear, FeeDefaults.Regulation2023.Regulation2023!.NextFeeYear(DateOnly.Parse(today)));
    }

    [Fact]
    public void NextFeeYear_FollowsTheWindowEnd()
    {
        var rules = FeeDefaults.Regulation2023.Regulation2023! with { WindowEndMonth = 6 };

        Assert.Equal(2026, rules.NextFeeYear(new DateOnly(2026, 6, 30)));
        Assert.Equal(2027, rules.NextFeeYear(new DateOnly(2026, 7, 1)));
    }

    [Theory]
    [InlineData(2022, null)]
    [InlineData(2023, 1)]
    [InlineData(2026, 1)]
    [InlineData(2027, 2)] // the second version took effect on 1 July 2027, the billing date
    public void InForce_IsTheLatestVersionEffectiveByItsBillingDate(int feeYear, int? version)
    {
        var first = FeeDefaults.Regulation2023;
        var second = first with { Version = 2, EffectiveFrom = new DateOnly(2027, 7, 1) };
        var third = first with { Version = 3, EffectiveFrom = new DateOnly(2028, 7, 2) };

        Assert.Equal(version, FeeRuleSet.InForce([first, second, third], feeYear)?.Version);
    }

    [Fact]
    public void InForce_UsesEachVersionsOwnBillingDate()
    {
        var first = FeeDefaults.Regulation2023;
        var earlyBilling = first with
        {
            Version = 2,
            EffectiveFrom = new DateOnly(2027, 6, 15),
            Regulation2023 = first.Regulation2023! with { Calendar = FeeCalendarRules.Statutory with { Billing = new(6, 1) } },
        };

        Assert.Equal(1, FeeRuleSet.InForce([first, earlyBilling], 2027)?.Version);
        Assert.Equal(2, FeeRuleSet.InForce([first, earlyBilling], 2028)?.Version);
    }

    [Fact]
    public void TheSeededDefaults_CarryTheStatutoryCalendar()
    {
        Assert.Equal(new DateOnly(2026, 7, 1), FeeDefaults.Regulation2023.Calendar.Billing.In(2026));
        Assert.Equal(new DateOnly(2026, 12, 15), FeeDefaults.Draft2019.Calendar.Reexamination.In(2026));
    }
}
