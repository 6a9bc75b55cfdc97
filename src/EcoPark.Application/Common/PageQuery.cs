using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Common;

/// <summary>A list's page number (from 1) and size (1 to a maximum) as a query gives them, or a 400 naming the field that is not one.</summary>
public static class PageQuery
{
    public static (int Page, int PageSize) Parse(string? page, string? pageSize, int defaultSize, int maxSize, IStringLocalizer<Messages> l)
    {
        static int? Number(string? text) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var number = page is null ? 1 : Number(page) is { } p and >= 1 ? p : throw DomainGuard.Invalid("page", l["Value.Range", 1, int.MaxValue]);
        var size = pageSize is null ? defaultSize
            : Number(pageSize) is { } s && s >= 1 && s <= maxSize ? s : throw DomainGuard.Invalid("pageSize", l["Value.Range", 1, maxSize]);
        return (number, size);
    }
}
