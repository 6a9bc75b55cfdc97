using System.Globalization;

namespace EcoPark.Domain.Common;

/// <summary>A water flow in m³/day; never negative.</summary>
public readonly record struct CubicMetresPerDay : IComparable<CubicMetresPerDay>
{
    public CubicMetresPerDay(decimal value)
    {
        if (value < 0)
        {
            throw new DomainException("flow", "negative", "A flow cannot be negative.");
        }

        Value = value;
    }

    public decimal Value { get; }

    public static CubicMetresPerDay Zero => default;

    public int CompareTo(CubicMetresPerDay other) => Value.CompareTo(other.Value);

    public static bool operator <(CubicMetresPerDay left, CubicMetresPerDay right) => left.Value < right.Value;

    public static bool operator >(CubicMetresPerDay left, CubicMetresPerDay right) => left.Value > right.Value;

    public static bool operator <=(CubicMetresPerDay left, CubicMetresPerDay right) => left.Value <= right.Value;

    public static bool operator >=(CubicMetresPerDay left, CubicMetresPerDay right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString("#,0.##", CultureInfo.InvariantCulture) + " m³/day";
}
