using EcoPark.Application.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class AllocationRunConfiguration : IEntityTypeConfiguration<AllocationRun>
{
    public void Configure(EntityTypeBuilder<AllocationRun> builder)
    {
        builder.ToTable("allocation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.OptionsJson).HasColumnType("jsonb");
        builder.Property(r => r.SnapshotJson).HasColumnType("jsonb");
        builder.Property(r => r.LinksJson).HasColumnType("jsonb");
        builder.Property(r => r.GreedyLinksJson).HasColumnType("jsonb");
        builder.Property(r => r.ShadowPricesJson).HasColumnType("jsonb");
        builder.Property(r => r.ObjectiveNtdPerYear).HasPrecision(20, 0);
        builder.Property(r => r.GreedyObjectiveNtdPerYear).HasPrecision(20, 0);
        builder.Property(r => r.BestBoundNtdPerYear).HasPrecision(20, 0);
        builder.Property(r => r.GapPercent).HasPrecision(12, 4);
        builder.Property(r => r.ReusedWaterM3PerDay).HasPrecision(18, 3);
        builder.Property(r => r.GreedyReusedWaterM3PerDay).HasPrecision(18, 3);
        builder.Property(r => r.PlanSource).HasMaxLength(12);
        builder.Property(r => r.Message).HasMaxLength(20_000);
        builder.Ignore(r => r.InProgress);
        builder.HasOne<Domain.Parks.Park>().WithMany().HasForeignKey(r => r.ParkId).OnDelete(DeleteBehavior.Cascade);
        // The page lists a park's runs newest first; the start-up check looks for runs left in progress.
        builder.HasIndex(r => new { r.ParkId, r.RequestedAt });
        builder.HasIndex(r => r.Status);
    }
}
