using EcoPark.Domain.Common;

namespace EcoPark.Domain.Streams;

/// <summary>Where a value comes from: a lab sample (with its date), an online monitor, or the engineer's own estimate.</summary>
public enum ValueBasis
{
    Lab,
    Online,
    Declared,
}

/// <summary>A measured or declared value of one parameter.</summary>
public sealed record ParameterValue(string Key, decimal Value, ValueBasis Basis, DateOnly? SampleDate)
{
    /// <summary>Lab and online values older than <paramref name="maxAgeDays"/> are stale; so is a lab value without a date. Declared values are flagged separately.</summary>
    public bool IsStale(DateOnly today, int maxAgeDays) =>
        Basis != ValueBasis.Declared && (SampleDate is not { } date ? Basis == ValueBasis.Lab : today.DayNumber - date.DayNumber > maxAgeDays);
}

/// <summary>A demand's limit on one parameter: a maximum, or for range parameters a minimum and/or maximum.</summary>
public sealed record ParameterLimit(string Key, decimal? Min, decimal? Max);

/// <summary>Checks lists of values and limits against a catalogue; the aggregates call these before they accept a change.</summary>
public static class ParameterRules
{
    public static IReadOnlyList<ParameterValue> CheckValues(ParameterCatalogue catalogue, IEnumerable<ParameterValue> values, DateOnly today, string field)
    {
        var list = values.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var value = list[i];
            var at = $"{field}[{i}]";
            var definition = Known(catalogue, value.Key, at);
            if (value.Value < definition.MinValue || value.Value > definition.MaxValue)
            {
                throw new DomainException(at + ".value", "out-of-range", $"{value.Key} must be between {definition.MinValue} and {definition.MaxValue}.");
            }

            if (value.Basis == ValueBasis.Lab && value.SampleDate is null)
            {
                throw new DomainException(at + ".sampleDate", "sample-date-required", "A lab value needs its sample date.");
            }

            if (value.SampleDate > today)
            {
                throw new DomainException(at + ".sampleDate", "future-date", "A sample date cannot be in the future.");
            }

            if (list.Take(i).Any(v => v.Key == value.Key))
            {
                throw new DomainException(at + ".key", "duplicate-key", $"{value.Key} is given twice.");
            }
        }

        return list;
    }

    public static IReadOnlyList<ParameterLimit> CheckLimits(ParameterCatalogue catalogue, IEnumerable<ParameterLimit> limits, string field)
    {
        var list = limits.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var limit = list[i];
            var at = $"{field}[{i}]";
            var definition = Known(catalogue, limit.Key, at);
            if (limit.Min is null && limit.Max is null)
            {
                throw new DomainException(at + ".max", "limit-required", $"The limit on {limit.Key} needs a value.");
            }

            if (limit.Min is not null && definition.LimitKind == LimitKind.Max)
            {
                throw new DomainException(at + ".min", "max-only", $"{limit.Key} is limited from above only.");
            }

            foreach (var bound in new[] { limit.Min, limit.Max })
            {
                if (bound < definition.MinValue || bound > definition.MaxValue)
                {
                    throw new DomainException(at + ".max", "out-of-range", $"{limit.Key} must be between {definition.MinValue} and {definition.MaxValue}.");
                }
            }

            if (limit.Min > limit.Max)
            {
                throw new DomainException(at + ".min", "min-above-max", $"The minimum of {limit.Key} is above its maximum.");
            }

            if (list.Take(i).Any(l => l.Key == limit.Key))
            {
                throw new DomainException(at + ".key", "duplicate-key", $"{limit.Key} is given twice.");
            }
        }

        return list;
    }

    private static ParameterDefinition Known(ParameterCatalogue catalogue, string key, string at) =>
        catalogue.TryGet(key, out var definition)
            ? definition
            : throw new DomainException(at + ".key", "unknown-parameter", $"'{key}' is not a known parameter key.");
}
