namespace EcoPark.Web.Hosting;

/// <summary>The "EcoPark" configuration section (appsettings or EcoPark__* environment variables).</summary>
public sealed class EcoParkOptions
{
    public const string Section = "EcoPark";

    /// <summary>Seed the demo parks and accounts. Only the demo run sets this; production must not.</summary>
    public bool Demo { get; set; }

    /// <summary>Apply pending migrations when the app starts (the demo does; production runs <c>migrate</c> instead).</summary>
    public bool MigrateOnStartup { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();
}

public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
