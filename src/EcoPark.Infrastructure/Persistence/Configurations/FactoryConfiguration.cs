using EcoPark.Application.Abstractions;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Parks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class FactoryConfiguration : IEntityTypeConfiguration<Factory>
{
    public void Configure(EntityTypeBuilder<Factory> builder)
    {
        builder.ToTable("factories");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<Park>().WithMany().HasForeignKey(f => f.ParkId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(f => f.Name, n =>
        {
            n.MapName();
            n.HasIndex(x => x.Zh); // the per-park duplicate-name check looks names up
        });
        builder.Navigation(f => f.Name).IsRequired();
        builder.OwnsOne(f => f.Location, l => l.MapLocation());
        builder.Navigation(f => f.Location).IsRequired();
        builder.OwnsOne(f => f.Contact, c =>
        {
            c.Property(x => x.Name).HasColumnName("contact_name").HasMaxLength(TextLimits.PersonName).IsRequired();
            c.Property(x => x.Phone).HasColumnName("contact_phone").HasMaxLength(TextLimits.Phone).IsRequired();
            c.Property(x => x.Email).HasColumnName("contact_email").HasMaxLength(TextLimits.Label).IsRequired();
        });
        builder.Navigation(f => f.Contact).IsRequired();
        builder.Property(f => f.Address).HasMaxLength(TextLimits.Address).IsRequired();
        builder.Property(f => f.UnifiedBusinessNumber)
            .HasConversion(v => v.Value, v => UnifiedBusinessNumber.Parse(v))
            .HasColumnName("unified_business_number").HasMaxLength(8).IsFixedLength().IsRequired();
        builder.Property(f => f.Industry).HasConversion<string>().HasMaxLength(40).IsRequired();
        builder.Property(f => f.TsicCode).HasColumnName("tsic_code").HasMaxLength(4).IsRequired();
        builder.Property(f => f.Version).IsRowVersion();
        // A factory is one business number at one address (a water-fee payer's location): a company may run
        // plants at several addresses, never two registrations of one. The name rule (one Chinese name per park)
        // is the unique index ux_factories_park_name_zh, created in SQL by its migration because the name is an
        // owned value and EF cannot index it together with the park.
        builder.HasIndex(f => new { f.UnifiedBusinessNumber, f.Address }).IsUnique().HasDatabaseName(UniqueIndexes.FactoryBusinessNumberAtAddress);
    }
}
