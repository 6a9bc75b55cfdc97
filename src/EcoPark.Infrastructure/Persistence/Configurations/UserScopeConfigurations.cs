using EcoPark.Application.Users;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Parks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcoPark.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
        builder.HasMany(u => u.ParkScopes).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.FactoryScopes).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserParkScopeConfiguration : IEntityTypeConfiguration<UserParkScope>
{
    public void Configure(EntityTypeBuilder<UserParkScope> builder)
    {
        builder.ToTable("user_park_scopes");
        builder.HasKey(s => new { s.UserId, s.ParkId });
        builder.HasOne<Park>().WithMany().HasForeignKey(s => s.ParkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserFactoryScopeConfiguration : IEntityTypeConfiguration<UserFactoryScope>
{
    public void Configure(EntityTypeBuilder<UserFactoryScope> builder)
    {
        builder.ToTable("user_factory_scopes");
        builder.HasKey(s => new { s.UserId, s.FactoryId });
        builder.HasOne<Factory>().WithMany().HasForeignKey(s => s.FactoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
