using EcoPark.Application.Users;
using Microsoft.Extensions.Time.Testing;

namespace EcoPark.Domain.Tests.Application;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(8, 8)]
    [InlineData(12, 128)]
    [InlineData(15, 900)]
    [InlineData(200, 900)]
    public void Failures_ForOneAccount_MakeTheNextAttemptWaitLongerEachTime(int failures, int expectedSeconds)
    {
        var throttle = new SignInThrottle(new SignInLimits(), clock);
        for (var i = 0; i < failures; i++)
        {
            throttle.RecordFailure("someone@example.tw", $"203.0.113.{i % 250}");
        }

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), throttle.RetryAfter("SOMEONE@example.tw ", "192.0.2.1"));
    }

    [Fact]
    public void Failures_FromOneAddress_ThrottleThatAddressForEveryAccount()
    {
        var throttle = new SignInThrottle(new SignInLimits(), clock);
        for (var i = 0; i < 21; i++)
        {
            throttle.RecordFailure($"user{i}@example.tw", "203.0.113.9");
        }

        Assert.Equal(TimeSpan.FromSeconds(2), throttle.RetryAfter("fresh@example.tw", "203.0.113.9"));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("fresh@example.tw", "203.0.113.10"));
    }

    [Fact]
    public void Wait_EndsWhenItsTimeHasPassed()
    {
        var throttle = new SignInThrottle(new SignInLimits(), clock);
        for (var i = 0; i < 7; i++)
        {
            throttle.RecordFailure("someone@example.tw", null);
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter("someone@example.tw", "192.0.2.1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone@example.tw", "192.0.2.1"));
    }

    [Fact]
    public void Success_ClearsTheAccountsFailuresButNotTheAddresses()
    {
        var limits = new SignInLimits { FreeFailuresPerAccount = 1, FreeFailuresPerAddress = 1 };
        var throttle = new SignInThrottle(limits, clock);
        throttle.RecordFailure("someone@example.tw", "203.0.113.9");
        throttle.RecordFailure("someone@example.tw", "203.0.113.9");

        throttle.RecordSuccess("someone@example.tw");

        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone@example.tw", "192.0.2.1"));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.RetryAfter("someone@example.tw", "203.0.113.9"));
    }

    [Fact]
    public void Failures_AreForgottenAfterAQuietHour()
    {
        var throttle = new SignInThrottle(new SignInLimits(), clock);
        for (var i = 0; i < 5; i++)
        {
            throttle.RecordFailure("someone@example.tw", null);
        }

        clock.Advance(TimeSpan.FromMinutes(61));
        throttle.RecordFailure("someone@example.tw", null);

        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone@example.tw", "192.0.2.1"));
    }
}
