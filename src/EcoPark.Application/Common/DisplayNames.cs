using System.Globalization;
using EcoPark.Domain.Common;

namespace EcoPark.Application.Common;

/// <summary>
/// A bilingual name in the reader's language (the request's UI culture): the Chinese name, which is the legal one, for
/// Traditional Chinese; the English name otherwise, or the Chinese one where no English name was given.
/// </summary>
public static class DisplayNames
{
    public static string Display(this BilingualName name) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(name.En) ? name.Zh : name.En;
}
