using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

/// <summary>What the four stream tables share: the factory, a name unique per factory, confidentiality, and the row version.</summary>
internal static class StreamMapping
{
    public static void MapStream<T>(this EntityTypeBuilder<T> builder, string table)
        where T : FactoryStream
    {
        builder.ToTable(table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Factory>().WithMany().HasForeignKey(s => s.FactoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Name).HasMaxLength(TextLimits.StreamName);
        builder.Property(s => s.Notes).HasMaxLength(TextLimits.LongText);
        builder.Property(s => s.Confidential).HasConversion<string>().HasMaxLength(60);
        builder.Property(s => s.RowVersion).IsRowVersion();
        builder.HasIndex(s => new { s.FactoryId, s.Name }).IsUnique();
    }

    /// <summary>Measured values as one jsonb column: the list is always read and replaced whole.</summary>
    public static void MapValues<T>(this OwnedNavigationBuilder<T, ParameterValue> values, string column)
        where T : class
    {
        values.ToJson(column);
        values.Property(v => v.Key).HasJsonPropertyName("key");
        values.Property(v => v.Value).HasJsonPropertyName("value");
        values.Property(v => v.Basis).HasConversion<string>().HasJsonPropertyName("basis");
        values.Property(v => v.SampleDate).HasJsonPropertyName("sampleDate");
    }

    public static void MapLimits<T>(this OwnedNavigationBuilder<T, ParameterLimit> limits, string column)
        where T : class
    {
        limits.ToJson(column);
        limits.Property(l => l.Key).HasJsonPropertyName("key");
        limits.Property(l => l.Min).HasJsonPropertyName("min");
        limits.Property(l => l.Max).HasJsonPropertyName("max");
    }
}

internal sealed class EffluentStreamConfiguration : IEntityTypeConfiguration<EffluentStream>
{
    public void Configure(EntityTypeBuilder<EffluentStream> builder)
    {
        builder.MapStream("effluent_streams");
        builder.Property(s => s.MinM3PerDay).HasPrecision(14, 2);
        builder.Property(s => s.AvgM3PerDay).HasPrecision(14, 2);
        builder.Property(s => s.MaxM3PerDay).HasPrecision(14, 2);
        builder.Property(s => s.HoursPerDay).HasPrecision(4, 1);
        builder.Property(s => s.Route).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DischargeFeeNtdPerM3).HasPrecision(10, 2);
        builder.OwnsMany(s => s.Quality, q => q.MapValues("quality"));
        builder.Navigation(s => s.Quality).HasField("quality");
    }
}

internal sealed class WaterDemandConfiguration : IEntityTypeConfiguration<WaterDemand>
{
    public void Configure(EntityTypeBuilder<WaterDemand> builder)
    {
        builder.MapStream("water_demands");
        builder.Property(s => s.Use).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.FlowM3PerDay).HasPrecision(14, 2);
        builder.Property(s => s.MaxPipeDistanceM).HasPrecision(10, 0);
        builder.Property(s => s.MaxPriceNtdPerM3).HasPrecision(10, 2);
        builder.Property(s => s.CurrentWaterPriceNtdPerM3).HasPrecision(10, 2);
        builder.Property(s => s.HoursPerDay).HasPrecision(4, 1);
        builder.OwnsMany(s => s.Limits, l => l.MapLimits("limits"));
        builder.Navigation(s => s.Limits).HasField("limits");
        builder.OwnsMany(s => s.CurrentWaterQuality, q => q.MapValues("current_water_quality"));
        builder.Navigation(s => s.CurrentWaterQuality).HasField("currentWaterQuality");
    }
}

internal sealed class HeatStreamConfiguration : IEntityTypeConfiguration<HeatStream>
{
    public void Configure(EntityTypeBuilder<HeatStream> builder)
    {
        builder.MapStream("heat_streams");
        builder.Property(s => s.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Medium).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CurrentFuel).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SupplyTemperatureC).HasPrecision(6, 1);
        builder.Property(s => s.ReturnTemperatureC).HasPrecision(6, 1);
        builder.Property(s => s.LoadKw).HasPrecision(12, 1);
        builder.Property(s => s.MassFlowKgPerHour).HasPrecision(14, 1);
        builder.Property(s => s.SpecificHeatKjPerKgK).HasPrecision(6, 3);
        builder.Property(s => s.SteamPressureBarG).HasPrecision(6, 2);
        builder.Property(s => s.HoursPerDay).HasPrecision(4, 1);
        builder.Property(s => s.CostNtdPerKwh).HasPrecision(10, 3);
        builder.Ignore(s => s.AnnualKwh);
    }
}

internal sealed class ByproductStreamConfiguration : IEntityTypeConfiguration<ByproductStream>
{
    public void Configure(EntityTypeBuilder<ByproductStream> builder)
    {
        builder.MapStream("byproduct_streams");
        builder.Property(s => s.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Regularity).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.Permit).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.WasteCode).HasMaxLength(7);
        builder.Property(s => s.Description).HasMaxLength(TextLimits.LongText);
        builder.Property(s => s.CurrentRoute).HasMaxLength(TextLimits.Label);
        builder.Property(s => s.VirginMaterial).HasMaxLength(TextLimits.Label);
        builder.Property(s => s.TonnesPerMonth).HasPrecision(12, 2);
        builder.Property(s => s.CostNtdPerTonne).HasPrecision(12, 2);
        builder.Property(s => s.VirginFactorKgCo2ePerTonne).HasPrecision(10, 2);
        builder.PrimitiveCollection(s => s.AcceptedCodes).HasField("acceptedCodes").HasColumnType("text[]");
        builder.OwnsMany(s => s.Properties, q => q.MapValues("properties"));
        builder.Navigation(s => s.Properties).HasField("properties");
        builder.OwnsMany(s => s.PropertyLimits, l => l.MapLimits("property_limits"));
        builder.Navigation(s => s.PropertyLimits).HasField("propertyLimits");
    }
}

internal sealed class BaselineLimitSetConfiguration : IEntityTypeConfiguration<BaselineLimitSet>
{
    public void Configure(EntityTypeBuilder<BaselineLimitSet> builder)
    {
        builder.ToTable("baseline_limit_sets");
        builder.HasKey(s => s.Version);
        builder.Property(s => s.Version).HasMaxLength(40);
        builder.Property(s => s.Source).HasMaxLength(500);
        builder.OwnsMany(s => s.Limits, l =>
        {
            l.ToJson("limits");
            l.Property(x => x.Use).HasConversion<string>().HasJsonPropertyName("use");
            l.Property(x => x.Key).HasJsonPropertyName("key");
            l.Property(x => x.Min).HasJsonPropertyName("min");
            l.Property(x => x.Max).HasJsonPropertyName("max");
        });
        builder.Navigation(s => s.Limits).HasField("limits");
    }
}
