using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace EcoPark.Application.Common;

/// <summary>
/// Finds the first member declared non-nullable that holds null after deserialisation (<c>"water": null</c>,
/// <c>"pipeClasses": [null]</c>), so that rule data sent as JSON is refused on that field instead of
/// failing deep inside a check. Walks the object's public properties and the items of its lists.
/// </summary>
public static class RequiredValues
{
    // NullabilityInfoContext is not thread-safe (two requests reading a type for the first time at once broke its
    // dictionary), so each property's answer is worked out once, by a context of its own, and kept.
    private static readonly ConcurrentDictionary<PropertyInfo, NullabilityInfo> Nullability = new();

    /// <summary>The camelCase path of the first null that may not be null, or null when there is none.</summary>
    public static string? FirstMissing(object value, string path) => Walk(value, path, 0);

    private static NullabilityInfo NullabilityOf(PropertyInfo property) =>
        Nullability.GetOrAdd(property, static p => new NullabilityInfoContext().Create(p));

    private static string? Walk(object value, string path, int depth)
    {
        var type = value.GetType();
        if (depth > 16 || type.IsPrimitive || type.IsEnum || value is string or decimal or DateOnly or DateTime or DateTimeOffset or Guid)
        {
            return null;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (item is not null && Walk(item, $"{path}[{index}]", depth + 1) is { } found)
                {
                    return found;
                }

                index++;
            }

            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead))
        {
            var name = $"{path}.{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}";
            var member = property.GetValue(value);
            if (member is null)
            {
                if (!property.PropertyType.IsValueType && NullabilityOf(property).ReadState == NullabilityState.NotNull)
                {
                    return name;
                }

                continue;
            }

            if (member is IEnumerable list and not string && property.PropertyType.IsGenericType
                && NullabilityOf(property).GenericTypeArguments is [{ ReadState: NullabilityState.NotNull }, ..])
            {
                var index = 0;
                foreach (var item in list)
                {
                    if (item is null)
                    {
                        return $"{name}[{index}]";
                    }

                    index++;
                }
            }

            if (Walk(member, name, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
