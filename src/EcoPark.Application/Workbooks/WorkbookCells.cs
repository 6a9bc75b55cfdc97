using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace EcoPark.Application.Workbooks;

/// <summary>
/// Reads and writes an input's fields by their camelCase path (<c>intake.tapM3</c>), converting between
/// cells and the field's type; one conversion routine for every sheet instead of one mapping per record.
/// </summary>
public static class WorkbookCells
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo[]> Paths = new();

    /// <summary>Whether the type has the field (a parameter row has no <c>min</c>; a limit row has no <c>basis</c>).</summary>
    public static bool Has(Type type, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    public static object? Get(object target, string path)
    {
        object? current = target;
        foreach (var property in Resolve(target.GetType(), path))
        {
            current = current is null ? null : property.GetValue(current);
        }

        return current switch
        {
            bool flag => flag ? "Y" : "N",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IEnumerable<string> list => string.Join(", ", list),
            _ => current,
        };
    }

    public static void Set(object target, string path, object? value)
    {
        var properties = Resolve(target.GetType(), path);
        var owner = target;
        foreach (var property in properties[..^1])
        {
            owner = property.GetValue(owner)!;
        }

        var last = properties[^1];
        if (last.PropertyType == typeof(List<string>))
        {
            value = (value as string)?.Split([',', ';', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        }

        last.SetValue(owner, value);
    }

    /// <summary>Converts a cell to the field's type; false (with the value unset) when the cell cannot be read as one.</summary>
    public static bool TryConvert(object? cell, CellKind kind, out object? value)
    {
        value = null;
        var text = cell switch
        {
            null => null,
            string s => s.Trim(),
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString()?.Trim(),
        };
        var empty = string.IsNullOrEmpty(text);
        switch (kind)
        {
            case CellKind.Text:
                value = empty ? null : text;
                return true;
            case CellKind.Number or CellKind.OptionalNumber:
                if (empty)
                {
                    value = kind == CellKind.Number ? 0m : null;
                    return true;
                }

                if (cell is double d)
                {
                    // NaN, infinities and magnitudes beyond decimal (1E+29, 1E+308) are not numbers a field can hold.
                    if (!double.IsFinite(d) || Math.Abs(d) >= (double)decimal.MaxValue)
                    {
                        return false;
                    }

                    value = Convert.ToDecimal(d);
                    return true;
                }

                var ok = decimal.TryParse(text!.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
                value = number;
                return ok;
            case CellKind.Integer or CellKind.OptionalInteger:
                if (empty && kind == CellKind.OptionalInteger)
                {
                    return true;
                }

                if (empty || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole) || whole != decimal.Truncate(whole)
                    || whole is < int.MinValue or > int.MaxValue)
                {
                    return false;
                }

                value = (int)whole;
                return true;
            case CellKind.Flag:
                value = text?.ToUpperInvariant() switch
                {
                    "Y" or "YES" or "TRUE" or "1" or "是" => true,
                    "N" or "NO" or "FALSE" or "0" or "否" => false,
                    _ => null,
                };
                return value is not null;
            default:
                if (empty)
                {
                    return true;
                }

                var parsed = DateOnly.TryParseExact(text![..Math.Min(10, text!.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
                value = date;
                return parsed;
        }
    }

    private static PropertyInfo[] Resolve(Type type, string path) => Paths.GetOrAdd((type, path), key =>
    {
        var properties = new List<PropertyInfo>();
        var current = key.Item1;
        foreach (var part in key.Item2.Split('.'))
        {
            var property = current.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new InvalidOperationException($"{current.Name} has no field '{part}'.");
            properties.Add(property);
            current = property.PropertyType;
        }

        return [.. properties];
    });
}
