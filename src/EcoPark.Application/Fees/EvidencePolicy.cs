using System.Security.Cryptography;
using EcoPark.Application.Common;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

/// <summary>
/// What may be attached to a fee case or a match: PDF, PNG, JPEG or Excel (.xlsx), at most 10 MB. The file's first
/// bytes must match its extension, so a renamed executable is refused. The SHA-256 is stored with it.
/// </summary>
public static class EvidencePolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
    };

    public static IReadOnlyCollection<string> Extensions => Allowed.Keys;

    /// <summary>The content type to store, or null when the file is not allowed.</summary>
    public static string? ContentTypeFor(string fileName, ReadOnlySpan<byte> content) =>
        Allowed.TryGetValue(Path.GetExtension(fileName), out var rule) && content.StartsWith(rule.Magic) ? rule.ContentType : null;

    /// <summary>The content type of an acceptable file; otherwise a 400 on <c>file</c> saying why (size, name or type).</summary>
    public static string Accept(string fileName, byte[] content, IStringLocalizer<Messages> l)
    {
        if (content.LongLength > MaxBytes)
        {
            throw DomainGuard.Invalid("file", l["Fee.Evidence.TooLarge", MaxBytes / (1024 * 1024)]);
        }

        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > Domain.Common.TextLimits.FileName)
        {
            throw DomainGuard.Invalid("file", l["Fee.Evidence.NameLength"]);
        }

        InputRules.EnsureText("file", fileName, Domain.Common.TextLimits.FileName, l);

        return ContentTypeFor(fileName, content) ?? throw DomainGuard.Invalid("file", l["Fee.Evidence.TypeNotAllowed", string.Join(", ", Extensions)]);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
