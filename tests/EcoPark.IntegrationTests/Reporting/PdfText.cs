using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace EcoPark.IntegrationTests.Reporting;

/// <summary>
/// The text of a PDF as a reader would copy it: the text operators' strings (glyph ids of the embedded CID font) mapped back to
/// characters through the ToUnicode CMap of the page's fonts.
/// </summary>
internal static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var map = new Dictionary<int, string>();
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            foreach (var key in fonts?.Elements.Keys ?? [])
            {
                if (fonts!.Elements.GetDictionary(key)?.Elements.GetDictionary("/ToUnicode")?.Stream is { } cmap)
                {
                    ReadCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue), map);
                }
            }

            Walk(ContentReader.ReadContent(page), map, text);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Walk(CObject item, Dictionary<int, string> map, StringBuilder text)
    {
        switch (item)
        {
            case COperator op when op.OpCode.Name is "Tj" or "TJ" or "'" or "\"":
                foreach (var operand in op.Operands)
                {
                    Walk(operand, map, text);
                }

                text.Append(' ');
                break;
            case CString s:
                // Two bytes per glyph id (Identity-H); each byte of the string is one char.
                for (var i = 0; i + 1 < s.Value.Length; i += 2)
                {
                    text.Append(map.GetValueOrDefault((s.Value[i] << 8) | s.Value[i + 1], "?"));
                }

                break;
            case CSequence sequence:
                foreach (var child in sequence)
                {
                    Walk(child, map, text);
                }

                break;
        }
    }

    private static void ReadCMap(string cmap, Dictionary<int, string> map)
    {
        foreach (Match section in Section().Matches(cmap))
        {
            var body = section.Groups["body"].Value;
            if (section.Groups["kind"].Value == "bfrange")
            {
                foreach (Match m in Range().Matches(body))
                {
                    var from = Hex(m.Groups[1].Value);
                    var to = Hex(m.Groups[2].Value);
                    var target = Hex(m.Groups[3].Value);
                    for (var g = from; g <= to; g++)
                    {
                        map[g] = char.ConvertFromUtf32(target + (g - from));
                    }
                }
            }
            else
            {
                foreach (Match m in Pair().Matches(body))
                {
                    map[Hex(m.Groups[1].Value)] = Utf16(m.Groups[2].Value);
                }
            }
        }
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) =>
        new([.. Enumerable.Range(0, hex.Length / 4).Select(i => (char)Hex(hex.Substring(i * 4, 4)))]);

    [GeneratedRegex(@"begin(?<kind>bfrange|bfchar)(?<body>.*?)end\k<kind>", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();
}
