namespace EcoPark.Domain.Factories;

/// <summary>
/// A code of the Taiwan Standard Industrial Classification (行業統計分類): a two-digit division, a
/// three-digit group or a four-digit class, such as 11 (textiles), 115 or 1150 (dyeing and finishing).
/// </summary>
public static class TsicCode
{
    public static bool IsValid(string? code) =>
        code is { Length: >= 2 and <= 4 } && code.All(char.IsAsciiDigit);
}
