using EcoPark.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

/// <summary>Column layouts of the value objects that several entities own.</summary>
internal static class OwnedValues
{
    public static void MapName<T>(this OwnedNavigationBuilder<T, BilingualName> name)
        where T : class
    {
        name.Property(n => n.Zh).HasColumnName("name_zh").HasMaxLength(BilingualName.MaxLength).IsRequired();
        name.Property(n => n.En).HasColumnName("name_en").HasMaxLength(BilingualName.MaxLength).IsRequired();
    }

    public static void MapLocation<T>(this OwnedNavigationBuilder<T, GeoPoint> point)
        where T : class
    {
        point.Property(p => p.Latitude).HasColumnName("latitude").IsRequired();
        point.Property(p => p.Longitude).HasColumnName("longitude").IsRequired();
    }

    public static PropertyBuilder<CubicMetresPerDay> HasFlowConversion(this PropertyBuilder<CubicMetresPerDay> property) =>
        property.HasConversion(v => v.Value, v => new CubicMetresPerDay(v)).HasPrecision(14, 2);
}
