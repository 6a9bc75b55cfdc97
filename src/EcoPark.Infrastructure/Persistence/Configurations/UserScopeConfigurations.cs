using EcoPark.Application.Users;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
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

internal sealed class EngineerInvitationConfiguration : IEntityTypeConfiguration<EngineerInvitation>
{
    public void Configure(EntityTypeBuilder<EngineerInvitation> builder)
    {
        builder.ToTable("engineer_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(TextLimits.Label).IsRequired();
        builder.Property(i => i.NormalizedEmail).HasMaxLength(TextLimits.Label).IsRequired();
        builder.Property(i => i.Name).HasMaxLength(TextLimits.PersonName).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // One pending invitation per factory and address, even for two staff members pressing the button at once.
        builder.HasIndex(i => new { i.FactoryId, i.NormalizedEmail }).IsUnique().HasFilter("accepted_at IS NULL");
        builder.HasIndex(i => i.MatchId);
        builder.HasOne<Factory>().WithMany().HasForeignKey(i => i.FactoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MatchCase>().WithMany().HasForeignKey(i => i.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParkInvitationSwitchConfiguration : IEntityTypeConfiguration<ParkInvitationSwitch>
{
    public void Configure(EntityTypeBuilder<ParkInvitationSwitch> builder)
    {
        // Keyed by the park: one switch per park, so two administrators saving at once cannot give a park two answers.
        builder.ToTable("park_invitation_switches");
        builder.HasKey(s => s.ParkId);
        builder.Property(s => s.ParkId).ValueGeneratedNever();
        builder.HasOne<Park>().WithMany().HasForeignKey(s => s.ParkId).OnDelete(DeleteBehavior.Cascade);
    }
}
