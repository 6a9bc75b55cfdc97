using Microsoft.AspNetCore.Identity;

namespace EcoPark.Application.Users;

/// <summary>A person who signs in. Roles come from Identity; scopes say which parks or factories a role covers.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The UI language the user chose last ("zh-TW" or "en").</summary>
    public string PreferredCulture { get; set; } = SupportedCultures.Default;

    public List<UserParkScope> ParkScopes { get; } = [];

    public List<UserFactoryScope> FactoryScopes { get; } = [];
}

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string name)
        : base(name)
    {
    }
}

/// <summary>A park whose factories a park-staff user looks after.</summary>
public sealed class UserParkScope
{
    public Guid UserId { get; set; }

    public Guid ParkId { get; set; }
}

/// <summary>A factory a factory engineer files for.</summary>
public sealed class UserFactoryScope
{
    public Guid UserId { get; set; }

    public Guid FactoryId { get; set; }
}

public static class SupportedCultures
{
    public const string Default = "zh-TW";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Default, English];

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture);
}
