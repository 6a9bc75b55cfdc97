using System.Globalization;
using EcoPark.Application.Reporting;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Localization;

/// <summary>The reports' words in both languages from the shared resources (a report is the same file whoever downloads it).</summary>
public sealed class ReportText(IStringLocalizer<SharedResource> l) : IReportText
{
    private static readonly CultureInfo Chinese = new("zh-TW"), English = new("en");

    public string Zh(string key) => In(Chinese, key);

    public string En(string key) => In(English, key);

    private string In(CultureInfo culture, string key)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return l[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
