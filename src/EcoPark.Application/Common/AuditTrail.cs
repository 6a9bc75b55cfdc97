using EcoPark.Application.Abstractions;
using EcoPark.Domain.Common;

namespace EcoPark.Application.Common;

/// <summary>
/// The one way a handler writes the audit trail: the entry joins the change it records, so both are saved by the same
/// <c>SaveChanges</c> (and its transaction) or neither is. What a snapshot holds stays each handler's own concern.
/// </summary>
public static class AuditTrail
{
    public static void Record(this IEcoParkDbContext db, string entityType, Guid entityId, string action, Guid by, DateTimeOffset at, string? before = null,
        string? after = null) =>
        db.AuditEntries.Add(new AuditEntry(Guid.NewGuid(), entityType, entityId, action, by, at, before, after));
}
