namespace EcoPark.Application.Users;

/// <summary>
/// A refresh token handed out at sign-in or refresh. Only its SHA-256 is stored. It can be used once: using
/// it marks it used and hands out the next token of the same family; presenting a used token again means
/// it was copied, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Every token descended from one sign-in shares the family.</summary>
    public Guid FamilyId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token the client holds.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was used (or revoked with its family); a token with this set is never accepted.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
