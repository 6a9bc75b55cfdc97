using EcoPark.Domain.Parks;
using EcoPark.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class ScreeningRuleSetRecordConfiguration : IEntityTypeConfiguration<ScreeningRuleSetRecord>
{
    public void Configure(EntityTypeBuilder<ScreeningRuleSetRecord> builder)
    {
        builder.ToTable("screening_rule_sets");
        builder.HasKey(r => new { r.Code, r.Version });
        builder.Property(r => r.Code).HasMaxLength(40);
        builder.Property(r => r.Json).HasColumnType("jsonb");
        builder.Property(r => r.Note).HasMaxLength(1000);
    }
}

/// <summary>One row per version of a park's figures; (park, version) is unique, so two editors racing for the next number cannot both win.</summary>
internal sealed class ParkScreeningInputConfiguration : IEntityTypeConfiguration<ParkScreeningInput>
{
    public void Configure(EntityTypeBuilder<ParkScreeningInput> builder)
    {
        builder.ToTable("park_screening_inputs");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Park>().WithMany().HasForeignKey(i => i.ParkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ParkId, i.Version }).IsUnique();
        builder.Property(i => i.Source).HasMaxLength(ScreeningLimits.SourceMaxLength);
        builder.ComplexProperty(i => i.Values, v =>
        {
            foreach (var property in typeof(ParkScreeningValues).GetProperties().Where(p => p.PropertyType == typeof(decimal?)))
            {
                v.Property<decimal?>(property.Name).HasColumnName(ToSnake(property.Name)).HasPrecision(ScreeningLimits.Precision, ScreeningLimits.Scale);
            }

            v.Property(x => x.County).HasColumnName("county").HasMaxLength(ScreeningLimits.CountyMaxLength);
            v.Property(x => x.LowTolerance).HasColumnName("low_tolerance");
        });
    }

    private static string ToSnake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
