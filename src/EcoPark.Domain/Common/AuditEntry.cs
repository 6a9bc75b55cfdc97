namespace EcoPark.Domain.Common;

/// <summary>One change to a record: who, when, what, and the record before and after (as JSON).</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        EntityType = null!;
        Action = null!;
    }

    public AuditEntry(Guid id, string entityType, Guid entityId, string action, Guid userId, DateTimeOffset at, string? before, string? after)
        : this()
    {
        Id = id;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        UserId = userId;
        At = at;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    public string Action { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }
}
