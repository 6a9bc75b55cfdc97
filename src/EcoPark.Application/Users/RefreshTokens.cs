using System.Security.Cryptography;
using System.Text;
using EcoPark.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Users;

/// <summary>Issues and redeems single-use refresh tokens (see <see cref="RefreshToken"/>).</summary>
public sealed class RefreshTokens(IEcoParkDbContextFactory dbFactory, SignInLimits limits, TimeProvider clock)
{
    /// <summary>A new token for <paramref name="userId"/>; a new family unless it replaces a redeemed one.</summary>
    public async Task<string> IssueAsync(Guid userId, Guid? familyId = null, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            FamilyId = familyId ?? Guid.NewGuid(),
            TokenHash = Hash(token),
            IssuedAt = now,
            ExpiresAt = now.AddDays(limits.RefreshTokenDays),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Marks the token used and returns its user and family, or null when it is unknown, expired or already
    /// used. A second use revokes every token of its family. Of two simultaneous uses exactly one wins: the
    /// update only touches a row that is still unused.
    /// </summary>
    public async Task<(Guid UserId, Guid FamilyId)?> RedeemAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var row = await db.RefreshTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.UserId, t.FamilyId, t.ExpiresAt, t.UsedAt }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.ExpiresAt <= now)
        {
            return null;
        }

        var won = await db.RefreshTokens.Where(t => t.TokenHash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (won == 1)
        {
            return (row.UserId, row.FamilyId);
        }

        await db.RefreshTokens.Where(t => t.FamilyId == row.FamilyId && t.UsedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
        return null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
