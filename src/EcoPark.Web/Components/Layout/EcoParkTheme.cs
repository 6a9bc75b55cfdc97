using MudBlazor;

namespace EcoPark.Web.Components.Layout;

internal static class EcoParkTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b6e53",
            Secondary = "#2f80a8",
            AppbarBackground = "#1b6e53",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans TC", "Microsoft JhengHei", "PingFang TC", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
