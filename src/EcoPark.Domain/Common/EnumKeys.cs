using System.Collections.Frozen;
using System.Reflection;

namespace EcoPark.Domain.Common;

/// <summary>How an enum's values are spelled as keys. The keys are stored (candidates, audit entries, reports), sent in
/// the API and used in resource names, so an enum keeps the case it was first published in.</summary>
public enum KeyCase
{
    /// <summary>The name with its first letter in lower case: <c>parkWwtp</c>, <c>timeLimit</c>, <c>wwtp</c>.</summary>
    Camel,

    /// <summary>Lower-case words joined by hyphens, a number being a word: <c>feasible-with-treatment</c>, <c>regulation-2023</c>.</summary>
    Kebab,

    /// <summary>The name as declared: <c>InvestmentOffset</c>.</summary>
    Pascal,
}

/// <summary>Declares the case of an enum's keys; an enum without it has <see cref="KeyCase.Camel"/> keys.</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class KeyCaseAttribute(KeyCase keyCase) : Attribute
{
    public KeyCase Case { get; } = keyCase;
}

/// <summary>
/// The one spelling of enum values as keys, and the one parser back. <see cref="Key{TEnum}"/> writes a value in its
/// enum's <see cref="KeyCase"/>; <see cref="TryParse{TEnum}"/> reads a key in any letter case (surrounding spaces
/// ignored), never a number, so "3" is not a valid status.
/// </summary>
public static class EnumKeys
{
    public static string Key<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>.Keys.TryGetValue(value, out var key)
            ? key
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no value {value}.");

    public static bool TryParse<TEnum>(string? key, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return key is not null && Table<TEnum>.Values.TryGetValue(key.Trim(), out value);
    }

    public static bool IsKey<TEnum>(string? key)
        where TEnum : struct, Enum => TryParse<TEnum>(key, out _);

    /// <summary>Parses a key a validator has accepted.</summary>
    public static TEnum Parse<TEnum>(string key)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(key, out var value) ? value : throw new DomainException("key", "unknown-key", $"'{key}' is not a valid {typeof(TEnum).Name}.");

    /// <summary>Every key of the enum, in the order of its values.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.All;

    private static string Spell(string name, KeyCase keyCase) => keyCase switch
    {
        KeyCase.Pascal => name,
        KeyCase.Kebab => Kebab(name),
        _ => char.ToLowerInvariant(name[0]) + name[1..],
    };

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var wordStart = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1])));
            text.Append(wordStart ? "-" : string.Empty).Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Keys;
        public static readonly FrozenDictionary<string, TEnum> Values;
        public static readonly IReadOnlyList<string> All;

        static Table()
        {
            var keyCase = typeof(TEnum).GetCustomAttribute<KeyCaseAttribute>()?.Case ?? KeyCase.Camel;
            var keys = new Dictionary<TEnum, string>();
            var all = new List<string>();
            var values = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in Enum.GetValues<TEnum>().Distinct())
            {
                var key = Spell(Enum.GetName(value)!, keyCase);
                if (!values.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"{typeof(TEnum).Name}: {values[key]} and {value} share the key '{key}'.");
                }

                keys[value] = key;
                all.Add(key);
            }

            (Keys, Values, All) = (keys.ToFrozenDictionary(), values.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), all);
        }
    }
}
