using EcoPark.Domain.Parks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> builder)
    {
        builder.ToTable("parks");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.OwnsOne(p => p.Name, n => n.MapName());
        builder.Navigation(p => p.Name).IsRequired();
        builder.OwnsOne(p => p.Location, l => l.MapLocation());
        builder.Navigation(p => p.Location).IsRequired();
        builder.Property(p => p.County).HasMaxLength(50).IsRequired();
        builder.Property(p => p.WwtpDesignCapacity).HasColumnName("wwtp_design_m3_per_day").HasFlowConversion();
        builder.Property(p => p.WwtpSpareCapacity).HasColumnName("wwtp_spare_m3_per_day").HasFlowConversion();
        builder.Property(p => p.ClosureTolerancePercent).HasPrecision(5, 2).HasDefaultValue(5m);
    }
}
