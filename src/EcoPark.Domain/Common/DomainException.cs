namespace EcoPark.Domain.Common;

/// <summary>
/// Raised when an aggregate refuses a change that would break its invariants.
/// <see cref="Code"/> is a stable key that the UI translates; <see cref="Field"/> names the offending input.
/// </summary>
public sealed class DomainException(string field, string code, string message) : Exception(message)
{
    public string Field { get; } = field;

    public string Code { get; } = code;
}
