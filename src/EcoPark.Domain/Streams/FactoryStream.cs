using EcoPark.Domain.Common;

namespace EcoPark.Domain.Streams;

/// <summary>Whether a heat or by-product stream offers something or needs it.</summary>
public enum StreamDirection
{
    Supply,
    Demand,
}

/// <summary>
/// What every filed stream shares: the factory it belongs to, a name unique within the factory and kind
/// (the outlet, the use, the boiler…), the confidential fields, and who changed it last.
/// </summary>
public abstract class FactoryStream
{
    public const int NameMaxLength = TextLimits.StreamName;

    protected FactoryStream()
    {
        Name = null!;
    }

    protected FactoryStream(Guid id, Guid factoryId)
        : this()
    {
        Id = id;
        FactoryId = factoryId;
    }

    public Guid Id { get; private set; }

    public Guid FactoryId { get; private set; }

    public string Name { get; private set; }

    public string? Notes { get; private set; }

    public ConfidentialFields Confidential { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency token, bumped by the database on every update.</summary>
    public uint RowVersion { get; private set; }

    protected void Stamp(string name, string? notes, ConfidentialFields confidential, Guid by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            throw new DomainException("name", "name-required", $"A name of 1 to {NameMaxLength} characters is required.");
        }

        Name = name.Trim();
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Confidential = confidential & ConfidentialFields.All;
        UpdatedBy = by;
        UpdatedAt = at;
    }

    internal static decimal NonNegative(string field, decimal value) =>
        value >= 0 ? value : throw new DomainException(field, "negative", $"{field} cannot be negative.");

    internal static decimal? NonNegative(string field, decimal? value) => value is { } v ? NonNegative(field, v) : null;

    internal static decimal Within(string field, decimal value, decimal min, decimal max) =>
        value >= min && value <= max ? value : throw new DomainException(field, "out-of-range", $"{field} must be between {min} and {max}.");
}
