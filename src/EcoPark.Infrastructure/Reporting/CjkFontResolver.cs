using PdfSharp.Fonts;

namespace EcoPark.Infrastructure.Reporting;

/// <summary>Where the reports' CJK font is (EcoPark:Reports); the default is Debian's fonts-arphic-uming collection.</summary>
public sealed class ReportFontOptions
{
    public const string Section = "EcoPark:Reports";

    /// <summary>A TrueType font or collection with CJK outlines (PDFsharp embeds TrueType outlines, not CFF).</summary>
    public string CjkFontPath { get; set; } = "/usr/share/fonts/truetype/arphic/uming.ttc";

    /// <summary>The face within a collection: in uming.ttc 0 is CN, 1 HK, 2 TW, 3 TW MBE.</summary>
    public int CjkFontFaceIndex { get; set; } = 2;
}

/// <summary>
/// Resolves every family PDFsharp asks for to the configured CJK TrueType face, read once from disk, so that Chinese and Latin text
/// both render with one embedded (subset) font. PDFsharp's resolver is process-wide; the first configuration wins.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "EcoPark CJK";
    private const string FaceName = "ecopark-cjk";
    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> bytes;
    private readonly int faceIndex;

    private CjkFontResolver(ReportFontOptions options)
    {
        faceIndex = options.CjkFontFaceIndex;
        var path = options.CjkFontPath;
        bytes = new Lazy<byte[]>(() => File.Exists(path)
            ? TrueTypeCollection.Face(File.ReadAllBytes(path), faceIndex)
            : throw new InvalidOperationException(
                $"The CJK font for PDF reports was not found at '{path}'. Install the Debian package fonts-arphic-uming or set EcoPark:Reports:CjkFontPath to a TrueType CJK font."));
    }

    /// <summary>Installs the resolver once for the process and checks that the font can be read.</summary>
    public static void EnsureInstalled(ReportFontOptions options)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CjkFontResolver)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver(options);
            }

            _ = ((CjkFontResolver)GlobalFontSettings.FontResolver).bytes.Value;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(FaceName, isBold, isItalic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? bytes.Value : null;
}
