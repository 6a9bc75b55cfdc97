using System.Collections.Concurrent;

namespace EcoPark.Application.Users;

/// <summary>
/// Sign-in limits, bound from the "EcoPark:SignIn" section. After <see cref="FreeFailuresPerAccount"/>
/// failures for one account, or <see cref="FreeFailuresPerAddress"/> from one client address, each further
/// failure doubles the wait before the next attempt, from <see cref="FirstDelaySeconds"/> up to
/// <see cref="MaxDelaySeconds"/>. Failures are forgotten after <see cref="ForgetFailuresAfterMinutes"/>
/// minutes without a new one. <see cref="AttemptsPerAddressPerMinute"/> bounds every attempt (right or
/// wrong) from one address, enforced by ASP.NET Core's rate limiter.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "EcoPark:SignIn";

    public int AttemptsPerAddressPerMinute { get; set; } = 30;

    public int FreeFailuresPerAccount { get; set; } = 5;

    public int FreeFailuresPerAddress { get; set; } = 20;

    public int FirstDelaySeconds { get; set; } = 2;

    public int MaxDelaySeconds { get; set; } = 900;

    public int ForgetFailuresAfterMinutes { get; set; } = 60;

    /// <summary>How long a refresh token may be used (once: each use hands out a new one).</summary>
    public int RefreshTokenDays { get; set; } = 14;
}

/// <summary>
/// Increasing delays after failed sign-ins, by account and by client address, in place of Identity's lockout:
/// a wrong password never locks an account or touches its sessions, it only makes the next try wait. The
/// account key is the e-mail as typed (normalised), so an unknown account is throttled exactly like a real
/// one and the answers do not tell them apart. Kept in memory: a restart forgets the delays, which only
/// loosens them for one hour's worth of failures.
/// </summary>
public sealed class SignInThrottle(SignInLimits limits, TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying <paramref name="email"/> from <paramref name="address"/>; zero when it may try now.</summary>
    public TimeSpan RetryAfter(string email, string? address)
    {
        var now = clock.GetUtcNow();
        var account = Wait(AccountKey(email), now);
        var client = Wait(AddressKey(address), now);
        return account > client ? account : client;
    }

    public void RecordFailure(string email, string? address)
    {
        var now = clock.GetUtcNow();
        Record(AccountKey(email), limits.FreeFailuresPerAccount, now);
        Record(AddressKey(address), limits.FreeFailuresPerAddress, now);
        if (failures.Count > PruneAbove)
        {
            foreach (var (key, entry) in failures)
            {
                if (Forgotten(entry, now))
                {
                    failures.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>A correct password clears the account's failures (not the address's: one known account must not unlock guessing at others).</summary>
    public void RecordSuccess(string email) => failures.TryRemove(AccountKey(email), out _);

    private TimeSpan Wait(string key, DateTimeOffset now) =>
        failures.TryGetValue(key, out var entry) && !Forgotten(entry, now) && entry.BlockedUntil > now ? entry.BlockedUntil - now : TimeSpan.Zero;

    private void Record(string key, int freeFailures, DateTimeOffset now) =>
        failures.AddOrUpdate(
            key,
            _ => Next(0, freeFailures, now),
            (_, entry) => Next(Forgotten(entry, now) ? 0 : entry.Count, freeFailures, now));

    private Failures Next(int previousCount, int freeFailures, DateTimeOffset now)
    {
        var count = previousCount + 1;
        var beyond = count - freeFailures;
        if (beyond <= 0)
        {
            return new Failures(count, now, now);
        }

        // 2 s, 4 s, 8 s, … doubling up to the ceiling (the exponent is capped so that the shift cannot overflow).
        var seconds = Math.Min((double)limits.FirstDelaySeconds * (1L << Math.Min(beyond - 1, 30)), limits.MaxDelaySeconds);
        return new Failures(count, now, now + TimeSpan.FromSeconds(seconds));
    }

    private bool Forgotten(Failures entry, DateTimeOffset now) =>
        entry.BlockedUntil <= now && now - entry.LastFailure > TimeSpan.FromMinutes(limits.ForgetFailuresAfterMinutes);

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();

    private static string AddressKey(string? address) => "address:" + (address ?? "unknown");

    private sealed record Failures(int Count, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);
}
