using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Water;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class WaterBalanceFilingConfiguration : IEntityTypeConfiguration<WaterBalanceFiling>
{
    public void Configure(EntityTypeBuilder<WaterBalanceFiling> builder)
    {
        builder.ToTable("water_balance_filings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<Factory>().WithMany().HasForeignKey(f => f.FactoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Period).HasMaxLength(7);
        builder.Property(f => f.PeriodKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(f => f.RowVersion).IsRowVersion();
        builder.Ignore(f => f.Current);
        builder.Ignore(f => f.Days);
        // One filing per factory and period: a second one is an amendment.
        builder.HasIndex(f => new { f.FactoryId, f.Period }).IsUnique();
        builder.OwnsMany(f => f.Versions, v =>
        {
            v.ToTable("water_balance_versions");
            v.WithOwner().HasForeignKey("FilingId");
            v.HasKey("FilingId", nameof(WaterBalanceVersion.Version));
            v.Property(x => x.Version).ValueGeneratedNever();
            v.Property(x => x.Reason).HasMaxLength(TextLimits.Comment);
            v.Property(x => x.Justification).HasMaxLength(TextLimits.LongText);
            v.OwnsOne(x => x.Balance, b =>
            {
                foreach (var property in typeof(WaterBalance).GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(decimal)))
                {
                    b.Property(property.Name).HasPrecision(14, 2).HasColumnName(ToSnake(property.Name));
                }

                b.Ignore(x => x.TotalSourcesM3);
                b.Ignore(x => x.TotalIntakeM3);
                b.Ignore(x => x.TotalUsesM3);
                b.Ignore(x => x.TotalOutflowsM3);
                b.Ignore(x => x.TotalWaterUseM3);
            });
            v.Navigation(x => x.Balance).IsRequired();
        });
        builder.Navigation(f => f.Versions).HasField("versions");
    }

    private static string ToSnake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
