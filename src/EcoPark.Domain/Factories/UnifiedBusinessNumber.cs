namespace EcoPark.Domain.Factories;

/// <summary>
/// 統一編號, the eight-digit unified business number of a Taiwanese business.
/// </summary>
/// <remarks>
/// Checksum (Ministry of Finance): multiply the digits by the weights 1,2,1,2,1,2,4,1, add the digits of
/// each product, and the total must be divisible by 5. (Before 2023 the divisor was 10; every number valid
/// under the old rule is valid under the new one.) When the seventh digit is 7 its product 28 reduces to
/// 10, which may be read as 1 or 0, so the number is also valid when total + 1 is divisible by 5.
/// </remarks>
public sealed record UnifiedBusinessNumber
{
    private static readonly int[] Weights = [1, 2, 1, 2, 1, 2, 4, 1];

    private UnifiedBusinessNumber(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? candidate)
    {
        if (candidate is null || candidate.Length != 8 || !candidate.All(char.IsAsciiDigit))
        {
            return false;
        }

        var total = 0;
        for (var i = 0; i < 8; i++)
        {
            var product = (candidate[i] - '0') * Weights[i];
            total += (product / 10) + (product % 10);
        }

        return total % 5 == 0 || (candidate[6] == '7' && (total + 1) % 5 == 0);
    }

    public static UnifiedBusinessNumber Parse(string candidate)
    {
        var trimmed = candidate?.Trim();
        return IsValid(trimmed)
            ? new UnifiedBusinessNumber(trimmed!)
            : throw new Common.DomainException("unifiedBusinessNumber", "checksum", "Not a valid unified business number.");
    }

    public override string ToString() => Value;
}
