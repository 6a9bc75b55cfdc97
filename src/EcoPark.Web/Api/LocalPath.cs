using System.Globalization;

namespace EcoPark.Web.Api;

/// <summary>
/// A local URL path built from a template whose values are escaped one by one (UTF-8 percent-encoding),
/// so that a Location header holds only ASCII, whatever a version name or other value contains.
/// </summary>
internal static class LocalPath
{
    public static string Of(FormattableString path) =>
        string.Format(CultureInfo.InvariantCulture, path.Format,
            [.. path.GetArguments().Select(a => (object)Uri.EscapeDataString(Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty))]);
}
