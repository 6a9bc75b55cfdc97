using System.Globalization;
using System.Resources;
using EcoPark.Domain.Common;

namespace EcoPark.Application.Common;

/// <summary>The application's own texts in the reader's language (the current UI culture), for the few texts a result carries.</summary>
public static class MessageTexts
{
    private static readonly ResourceManager Resources = new("EcoPark.Application.Resources.Messages", typeof(Messages).Assembly);

    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string Get(string key) => Find(key) ?? key;

    /// <summary>A water-quality parameter's or by-product property's name in the reader's language; a key that names none is shown as it was sent.</summary>
    public static string Parameter(string key) => Find("Param." + key) ?? key;

    /// <summary>What a reader who may not know the factory sees in its place: its industry, in brackets.</summary>
    public static string AnonymousParty(Domain.Factories.Industry industry) =>
        string.Format(CultureInfo.CurrentCulture, Get("Party.Anonymous"), Get("Industry." + industry.Key()));
}
