using EcoPark.Application.Abstractions;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Parks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class MatchCaseConfiguration : IEntityTypeConfiguration<MatchCase>
{

    public void Configure(EntityTypeBuilder<MatchCase> builder)
    {
        builder.ToTable("match_cases");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Park>().WithMany().HasForeignKey(m => m.ParkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Park>().WithMany().HasForeignKey(m => m.PartnerParkId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.ParticipatingParkIds);
        builder.Property(m => m.Resource).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.Unit).HasMaxLength(20);
        builder.Property(m => m.PredictedQuantity).HasPrecision(14, 2);
        builder.Property(m => m.PredictedAnnualBenefitNtd).HasPrecision(16, 0);
        builder.Property(m => m.PredictedCo2eKgPerYear).HasPrecision(16, 0);
        builder.Property(m => m.AgreedQuantity).HasPrecision(14, 2);
        builder.Property(m => m.EvaluationJson).HasColumnType("jsonb");
        builder.Property(m => m.DeclineReason).HasMaxLength(TextLimits.Comment);
        builder.Property(m => m.RowVersion).IsRowVersion();
        builder.Ignore(m => m.Commits);
        builder.Ignore(m => m.IsClosed);
        builder.Ignore(m => m.Next);
        builder.OwnsOne(m => m.Split, s =>
        {
            s.Property(x => x.SupplierWaterPercent).HasColumnName("supplier_water_percent").HasPrecision(5, 2);
            s.Property(x => x.SupplierEnergyPercent).HasColumnName("supplier_energy_percent").HasPrecision(5, 2);
            s.Property(x => x.SupplierCo2ePercent).HasColumnName("supplier_co2e_percent").HasPrecision(5, 2);
        });
        builder.OwnsMany(m => m.Steps, s =>
        {
            s.ToJson("steps");
            s.Property(x => x.State).HasConversion<string>();
        });
        builder.Navigation(m => m.Steps).HasField("steps");
        builder.OwnsMany(m => m.Months, s => s.ToJson("months"));
        builder.Navigation(m => m.Months).HasField("months");
        builder.OwnsMany(m => m.Quotes, s =>
        {
            s.ToJson("quotes");
            s.Property(x => x.Kind).HasConversion<string>();
        });
        builder.Navigation(m => m.Quotes).HasField("quotes");
        builder.OwnsMany(m => m.Consents, s =>
        {
            s.ToJson("consents");
            s.Ignore(x => x.OnBehalf);
        });
        builder.Navigation(m => m.Consents).HasField("consents");
        // A pair is taken up once while it is open (the engine's candidates link to it): a partial unique index,
        // so that two staff taking up the same pair at once cannot both succeed. Declined and ended matches may repeat.
        builder.HasIndex(m => new { m.SupplyStreamId, m.DemandStreamId }).IsUnique().HasDatabaseName(UniqueIndexes.OpenMatchPair)
            .HasFilter("state NOT IN ('Declined', 'Ended')");
        builder.HasIndex(m => new { m.ParkId, m.State });
    }
}

internal sealed class MatchingRuleSetRecordConfiguration : IEntityTypeConfiguration<MatchingRuleSetRecord>
{
    public void Configure(EntityTypeBuilder<MatchingRuleSetRecord> builder)
    {
        builder.ToTable("matching_rule_sets");
        builder.HasKey(r => new { r.Kind, r.Version });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Version).HasMaxLength(TextLimits.Code);
        builder.Property(r => r.Parameters).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<MatchingParameters>(), JsonColumn.Comparer<MatchingParameters>());
        builder.Property(r => r.Treatments).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<TreatmentCatalogue>(), JsonColumn.Comparer<TreatmentCatalogue>());
        // A version holds the rule data of its own kind, and only that.
        builder.ToTable(t => t.HasCheckConstraint("ck_matching_rule_sets_kind_data",
            "(kind = 'Parameters' AND parameters IS NOT NULL AND treatments IS NULL) OR (kind = 'Treatments' AND treatments IS NOT NULL AND parameters IS NULL)"));
        builder.Property(r => r.Note).HasMaxLength(TextLimits.Comment);
    }
}

internal sealed class MatchDocumentConfiguration : IEntityTypeConfiguration<MatchDocument>
{
    public void Configure(EntityTypeBuilder<MatchDocument> builder)
    {
        builder.ToTable("match_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<MatchCase>().WithMany().HasForeignKey(d => d.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
