using EcoPark.Application.Jobs;
using EcoPark.Application.Matching;
using EcoPark.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class MatchCandidateConfiguration : IEntityTypeConfiguration<MatchCandidate>
{
    public void Configure(EntityTypeBuilder<MatchCandidate> builder)
    {
        builder.ToTable("match_candidates");
        builder.HasKey(c => new { c.SupplyStreamId, c.DemandStreamId });
        builder.Property(c => c.Resource).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.SupplyName).HasMaxLength(TextLimits.StreamName);
        builder.Property(c => c.DemandName).HasMaxLength(TextLimits.StreamName);
        builder.Property(c => c.Status).HasMaxLength(40);
        builder.Property(c => c.Unit).HasMaxLength(20);
        builder.Property(c => c.Quantity).HasPrecision(20, 1);
        builder.Property(c => c.DistanceM).HasPrecision(12, 0);
        builder.Property(c => c.NetAnnualBenefitNtd).HasPrecision(20, 0);
        builder.Property(c => c.Co2eKgPerYear).HasPrecision(20, 0);
        builder.Property(c => c.PaybackMonths).HasPrecision(24, 1);
        builder.Property(c => c.TightestMargin).HasPrecision(24, 3);
        builder.Property(c => c.SupplyBandLow).HasPrecision(18, 4);
        builder.Property(c => c.SupplyBandHigh).HasPrecision(18, 4);
        builder.Property(c => c.DemandBandLow).HasPrecision(18, 4);
        builder.Property(c => c.DemandBandHigh).HasPrecision(18, 4);
        builder.Property(c => c.ParametersVersion).HasMaxLength(TextLimits.Code);
        builder.Property(c => c.CatalogueVersion).HasMaxLength(TextLimits.Code);
        builder.Property(c => c.CrossPark).HasComputedColumnSql("supply_park_id <> demand_park_id", stored: true);
        // The workbench lists a park's candidates (either side in it) one page at a time, ranked or sorted by a column, as
        // the rows with the supply in the park plus the cross-park rows with the demand in it: each read in order from an
        // index of its own side, so that a page never sorts the park (Matchmaking.ParkCandidatesAsync).
        builder.HasIndex(c => new { c.SupplyParkId, c.Feasible, c.NetAnnualBenefitNtd });
        builder.HasIndex(c => new { c.DemandParkId, c.Feasible, c.NetAnnualBenefitNtd }).HasFilter("cross_park");
        foreach (var column in SortColumns)
        {
            builder.HasIndex(nameof(MatchCandidate.SupplyParkId), column);
            builder.HasIndex(nameof(MatchCandidate.DemandParkId), column).HasFilter("cross_park");
        }

        builder.HasIndex(c => new { c.Resource, c.Status });
        // A stream's rows are replaced when it changes: by supply the key serves, by demand this index.
        builder.HasIndex(c => c.DemandStreamId);
        builder.HasIndex(c => c.SupplyFactoryId);
        builder.HasIndex(c => c.DemandFactoryId);
    }

    /// <summary>The columns the workbench sorts by besides its rank.</summary>
    private static readonly string[] SortColumns =
        [nameof(MatchCandidate.Quantity), nameof(MatchCandidate.DistanceM), nameof(MatchCandidate.NetAnnualBenefitNtd), nameof(MatchCandidate.Co2eKgPerYear),
            nameof(MatchCandidate.PaybackMonths)];
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("background_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasMaxLength(80);
        builder.Property(j => j.Payload).HasColumnType("jsonb");
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(j => j.LockedBy).HasMaxLength(200);
        builder.Property(j => j.Error).HasMaxLength(4000);
        // Takers look for the oldest waiting job, and for running jobs whose lease ran out.
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.Kind, j.Status });
    }
}
