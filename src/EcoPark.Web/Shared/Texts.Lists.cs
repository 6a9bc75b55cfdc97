using EcoPark.Domain.Screening;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Shared;

public static partial class Texts
{
    /// <summary>
    /// A park's county in the user's language (<c>桃園市</c> → <c>Taoyuan City</c>), by its code's key <c>County.TaoyuanCity</c>;
    /// a county outside Taiwan's list shows as stored.
    /// </summary>
    public static string County(this IStringLocalizer l, string county) =>
        TaiwanCounties.Code(county) is { } code ? l["County." + code] : county;

    /// <summary>Items joined as a list in the user's language: <c>2024、2025</c> in Chinese, <c>2024, 2025</c> in English.</summary>
    public static string List(this IStringLocalizer l, IEnumerable<string> items) => string.Join(l["List.Separator"], items);

    /// <summary>Clauses joined in the user's language: <c>…；…</c> in Chinese, <c>…; …</c> in English.</summary>
    public static string Clauses(this IStringLocalizer l, IEnumerable<string> clauses) => string.Join(l["List.ClauseSeparator"], clauses);
}
