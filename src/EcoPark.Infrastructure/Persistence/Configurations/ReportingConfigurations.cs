using EcoPark.Domain.Parks;
using EcoPark.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

/// <summary>A stored report; one per park, kind, period, format and data version, so two racing requests store it once.</summary>
internal sealed class ParkReportConfiguration : IEntityTypeConfiguration<ParkReport>
{
    public void Configure(EntityTypeBuilder<ParkReport> builder)
    {
        builder.ToTable("park_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Park>().WithMany().HasForeignKey(r => r.ParkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Format).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.DataVersion).HasMaxLength(64);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.HasIndex(r => new { r.ParkId, r.Kind, r.Period, r.Format, r.DataVersion }).IsUnique();
    }
}

/// <summary>An administrator's publish switch; (park, year) is unique.</summary>
internal sealed class ParkPublicationConfiguration : IEntityTypeConfiguration<ParkPublication>
{
    public void Configure(EntityTypeBuilder<ParkPublication> builder)
    {
        builder.ToTable("park_publications");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Park>().WithMany().HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ParkId, p.Year }).IsUnique();
    }
}
