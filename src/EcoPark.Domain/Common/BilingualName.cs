namespace EcoPark.Domain.Common;

/// <summary>A name kept in Traditional Chinese and English; the Chinese name is the legal one.</summary>
public sealed record BilingualName
{
    public const int MaxLength = TextLimits.Name;

    public BilingualName(string zh, string en)
    {
        Zh = Require(zh, "nameZh");
        En = Require(en, "nameEn");
    }

    public string Zh { get; }

    public string En { get; }

    private static string Require(string value, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(field, "required", $"{field} is required.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainException(field, "too-long", $"{field} is longer than {MaxLength} characters.");
        }

        return trimmed;
    }
}
