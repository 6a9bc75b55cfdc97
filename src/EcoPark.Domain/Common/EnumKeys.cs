namespace EcoPark.Domain.Common;

/// <summary>Parses the API's enum keys: names in any case, never numbers (so "3" is not a valid status).</summary>
public static class EnumKeys
{
    public static bool TryParse<TEnum>(string? key, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(key, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(key, out _);
}
