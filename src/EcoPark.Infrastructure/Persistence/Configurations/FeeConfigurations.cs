using System.Text.Json;
using System.Text.Json.Serialization;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class FeeRuleSetRecordConfiguration : IEntityTypeConfiguration<FeeRuleSetRecord>
{
    public void Configure(EntityTypeBuilder<FeeRuleSetRecord> builder)
    {
        builder.ToTable("fee_rule_sets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Code).HasMaxLength(TextLimits.Code).IsRequired();
        builder.Property(r => r.Scheme).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Note).HasMaxLength(TextLimits.Comment).IsRequired();
        builder.Property(r => r.Regulation2023).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<Regulation2023Rules>(), JsonColumn.Comparer<Regulation2023Rules>());
        builder.Property(r => r.Draft2019).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<Draft2019Rules>(), JsonColumn.Comparer<Draft2019Rules>());
        builder.HasIndex(r => new { r.Code, r.Version }).IsUnique();
    }
}

internal sealed class IndustryBenchmarkConfiguration : IEntityTypeConfiguration<IndustryBenchmark>
{
    public void Configure(EntityTypeBuilder<IndustryBenchmark> builder)
    {
        builder.ToTable("industry_benchmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Industry).HasConversion<string>().HasMaxLength(40);
        builder.Property(b => b.LowerPercent).HasPrecision(5, 2);
        builder.Property(b => b.UpperPercent).HasPrecision(5, 2);
        builder.Property(b => b.Source).HasMaxLength(TextLimits.Address).IsRequired();
        builder.HasIndex(b => new { b.Industry, b.EffectiveFrom }).IsUnique();
    }
}

internal sealed class FeeCaseConfiguration : IEntityTypeConfiguration<FeeCase>
{
    public void Configure(EntityTypeBuilder<FeeCase> builder)
    {
        builder.ToTable("fee_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Factory>().WithMany().HasForeignKey(c => c.FactoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Payer).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.RecyclingRate).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CalculationJson).HasColumnType("jsonb");
        builder.Property(c => c.RuleSetCode).HasMaxLength(40);
        builder.Property(c => c.NetFeeNtd).HasPrecision(14, 0);
        builder.Property(c => c.NoticeNumber).HasMaxLength(40);
        builder.Property(c => c.RowVersion).IsRowVersion();
        builder.HasIndex(c => new { c.FactoryId, c.FeeYear, c.CaseVersion }).IsUnique();
        builder.HasIndex(c => c.NoticeNumber).IsUnique();
        builder.OwnsOne(c => c.Verification, v =>
        {
            v.Property(x => x.Issuer).HasColumnName("verification_issuer").HasMaxLength(TextLimits.Label);
            v.Property(x => x.IssuedOn).HasColumnName("verification_issued_on");
            v.Property(x => x.VerifiedRatePercent).HasColumnName("verification_rate_percent").HasPrecision(5, 2);
        });
        builder.OwnsMany(c => c.Months, m =>
        {
            m.ToTable("fee_case_months");
            m.WithOwner().HasForeignKey("FeeCaseId");
            m.HasKey("FeeCaseId", nameof(FeeCaseMonth.Month));
            m.Property(x => x.Month).HasMaxLength(7);
            m.Property(x => x.TapM3).HasPrecision(14, 2);
            m.Property(x => x.SurfaceM3).HasPrecision(14, 2);
            m.Property(x => x.GroundwaterM3).HasPrecision(14, 2);
            m.Property(x => x.OtherSupplierM3).HasPrecision(14, 2);
            m.Property(x => x.Source).HasMaxLength(20);
            m.Property(x => x.Reason).HasMaxLength(TextLimits.Comment);
        });
        builder.Navigation(c => c.Months).HasField("months");
        builder.OwnsMany(c => c.Claims, c =>
        {
            c.ToTable("fee_claims");
            c.WithOwner().HasForeignKey("FeeCaseId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Amount).HasPrecision(14, 2);
            c.Property(x => x.CommittedM3).HasPrecision(14, 2);
            c.Property(x => x.Note).HasMaxLength(TextLimits.Comment);
            c.Property(x => x.DecisionComment).HasMaxLength(TextLimits.Comment);
            c.OwnsOne(x => x.Approval, a =>
            {
                a.Property(p => p.Number).HasColumnName("approval_number").HasMaxLength(TextLimits.Code);
                a.Property(p => p.ApprovedCostNtd).HasColumnName("approval_cost_ntd").HasPrecision(16, 0);
                a.Property(p => p.FirstFeeYear).HasColumnName("approval_first_fee_year");
                a.Property(p => p.Years).HasColumnName("approval_years");
            });
        });
        builder.Navigation(c => c.Claims).HasField("claims");
    }
}

internal sealed class FeeEvidenceConfiguration : IEntityTypeConfiguration<FeeEvidence>
{
    public void Configure(EntityTypeBuilder<FeeEvidence> builder)
    {
        builder.ToTable("fee_evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<FeeCase>().WithMany().HasForeignKey(e => e.FeeCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
    }
}

/// <summary>Rule parameters stored as jsonb, compared by their JSON so that EF notices a replaced record.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T?, string?> Converter<T>()
        where T : class =>
        new(v => v == null ? null : JsonSerializer.Serialize(v, Options), s => s == null ? null : JsonSerializer.Deserialize<T>(s, Options));

    public static ValueComparer<T?> Comparer<T>()
        where T : class =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options));
}
