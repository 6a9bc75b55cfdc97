using System.Globalization;

namespace EcoPark.Web.Shared;

/// <summary>Picks the Chinese or English name for the current UI language.</summary>
public static class Names
{
    public static string Pick(string zh, string en) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? zh : en;
}
