using System.Globalization;
using EcoPark.Application.Reporting;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EcoPark.Infrastructure.Reporting;

/// <summary>
/// The park report's PDF layout (A4, bilingual): a cover, the KPI summary with unit and basis, a bar chart of measured against predicted
/// reused water, the linkages (no party's prices, costs or volumes), filing completeness and a methods page. Text is set in an embedded
/// TrueType CJK font (<see cref="CjkFontResolver"/>) as Unicode, so Chinese renders and can be extracted.
/// </summary>
internal sealed class PdfParkReport(IOptions<ReportFontOptions> options) : IParkReportPdf
{
    private const double Margin = 50, Width = 595, Height = 842;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public byte[] Render(ParkReportContent c)
    {
        CjkFontResolver.EnsureInstalled(options.Value);
        using var document = new PdfDocument();
        document.Info.Title = $"{c.ParkNameZh} {c.Period}";
        document.Info.Subject = c.ParkNameEn;
        document.Info.Creator = "EcoPark";
        var w = new Writer(document);

        Cover(w, c);
        w.NewPage();
        Summary(w, c);
        w.NewPage();
        Chart(w, c);
        w.NewPage();
        Linkages(w, c);
        Filing(w, c);
        w.NewPage();
        Methods(w, c);
        w.Close();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Cover(Writer w, ParkReportContent c)
    {
        var t = c.Text;
        w.Y = 220;
        w.Line(t.Zh(c.Kind == Domain.Reporting.ReportKind.Annual ? "Report.AnnualTitle" : "Report.MonthlyTitle"), 26);
        w.Line(t.En(c.Kind == Domain.Reporting.ReportKind.Annual ? "Report.AnnualTitle" : "Report.MonthlyTitle"), 14, XBrushes.DimGray);
        w.Y += 30;
        w.Line(c.ParkNameZh, 30);
        w.Line(c.ParkNameEn, 16, XBrushes.DimGray);
        w.Y += 30;
        w.Line($"{c.Both("Report.Period")}: {c.Period}", 14);
        w.Line($"{c.Both("Report.GeneratedAt")}: {c.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}", 10, XBrushes.DimGray);
        w.Line($"{c.Both("Report.DataVersion")}: {c.DataVersion[..16]}", 10, XBrushes.DimGray);
    }

    private static void Summary(Writer w, ParkReportContent c)
    {
        var t = c.Text;
        w.Heading(c.Both("Report.Summary"));
        w.Wrap(c.Both("Report.MeasuredApartText"), 9, XBrushes.DimGray);
        w.Y += 6;
        double[] cols = [Margin, 330, 420, 480];
        w.Row(cols, [c.Both("Report.Figure"), t.Zh("Report.Value"), t.Zh("Report.Unit"), t.Zh("Report.Basis")], 9, bold: true);
        foreach (var f in c.Figures)
        {
            w.Row(cols, [$"{t.Zh("Kpi." + f.Key)} / {t.En("Kpi." + f.Key)}", f.Value.ToString("N1", CultureInfo.InvariantCulture), f.Unit,
                $"{t.Zh("KpiBasis." + f.Basis)} {t.En("KpiBasis." + f.Basis)}"], 8);
        }

        w.Y += 10;
        w.Heading(c.Both("Dashboard.LinkagesByState"), 12);
        foreach (var l in c.LinkageCounts)
        {
            w.Row([Margin, 250, 420], [$"{t.Zh("Resource." + l.Resource)} / {t.En("Resource." + l.Resource)}", $"{t.Zh("State." + l.State)} / {t.En("State." + l.State)}",
                l.Count.ToString(CultureInfo.InvariantCulture)], 9);
        }
    }

    /// <summary>Monthly bars: measured reused water beside the prediction for the same months (two bars, never stacked).</summary>
    private static void Chart(Writer w, ParkReportContent c)
    {
        w.Heading(c.Both("Dashboard.MeasuredVsPredicted"));
        var points = c.Trend;
        var max = (double)points.Select(p => Math.Max(p.MeasuredWaterM3, p.PredictedWaterM3)).DefaultIfEmpty(0).Max();
        double left = Margin + 40, top = w.Y + 10, chartHeight = 300, chartWidth = Width - Margin - left;
        var g = w.Graphics;
        var small = new XFont(CjkFontResolver.Family, 7, XFontStyleEx.Regular, Unicode);
        g.DrawLine(XPens.Gray, left, top + chartHeight, left + chartWidth, top + chartHeight);
        g.DrawLine(XPens.Gray, left, top, left, top + chartHeight);
        g.DrawString(max.ToString("N0", CultureInfo.InvariantCulture) + " m³", small, XBrushes.DimGray, new XPoint(Margin, top + 6));
        g.DrawString("0", small, XBrushes.DimGray, new XPoint(Margin + 30, top + chartHeight));
        if (points.Count > 0)
        {
            var slot = chartWidth / points.Count;
            var barWidth = slot * 0.38;
            for (var i = 0; i < points.Count; i++)
            {
                var x = left + (i * slot) + (slot * 0.1);
                var measured = max == 0 ? 0 : (double)points[i].MeasuredWaterM3 / max * chartHeight;
                var predicted = max == 0 ? 0 : (double)points[i].PredictedWaterM3 / max * chartHeight;
                g.DrawRectangle(XBrushes.SteelBlue, x, top + chartHeight - measured, barWidth, measured);
                g.DrawRectangle(XBrushes.LightGray, x + barWidth, top + chartHeight - predicted, barWidth, predicted);
                if (points.Count <= 12 || i % 3 == 0)
                {
                    g.DrawString(points[i].Month[2..], small, XBrushes.DimGray, new XPoint(x, top + chartHeight + 10));
                }
            }
        }

        w.Y = top + chartHeight + 30;
        g.DrawRectangle(XBrushes.SteelBlue, Margin, w.Y, 10, 10);
        g.DrawString(c.Both("Kpi.measured.waterM3"), small, XBrushes.Black, new XPoint(Margin + 14, w.Y + 8));
        g.DrawRectangle(XBrushes.LightGray, Margin + 250, w.Y, 10, 10);
        g.DrawString(c.Both("Kpi.measured.waterM3PredictedSameMonths"), small, XBrushes.Black, new XPoint(Margin + 264, w.Y + 8));
        w.Y += 24;
    }

    private static void Linkages(Writer w, ParkReportContent c)
    {
        var t = c.Text;
        w.Heading(c.Both("Report.Linkages"));
        w.Wrap(c.Both("Report.LinkagesNote"), 9, XBrushes.DimGray);
        double[] cols = [Margin, 120, 210, 340, 470];
        w.Row(cols, [t.Zh("Dashboard.Resource"), t.Zh("Dashboard.State"), t.Zh("Report.Supplier"), t.Zh("Report.Buyer"), t.Zh("Report.Since")], 9, bold: true);
        foreach (var l in c.Linkages)
        {
            w.Row(cols, [t.Zh("Resource." + l.Resource), t.Zh("State." + l.State), l.SupplierZh, l.BuyerZh,
                l.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"], 8);
        }

        if (c.Linkages.Count == 0)
        {
            w.Line("–", 9);
        }

        w.Y += 16;
    }

    private static void Filing(Writer w, ParkReportContent c)
    {
        w.Heading($"{c.Both("Report.Filing")} ({c.LastClosedMonth})");
        w.Line($"{c.Both("Report.Filed")}: {c.Filed.Count}", 10);
        foreach (var name in c.Filed)
        {
            w.Line("  " + name, 9);
        }

        w.Line($"{c.Both("Report.OverdueMark")}: {c.Overdue.Count}", 10);
        foreach (var name in c.Overdue)
        {
            w.Line("  " + name, 9);
        }
    }

    private static void Methods(Writer w, ParkReportContent c)
    {
        w.Heading(c.Both("Report.Methods"));
        w.Line(c.Both("Report.Counterfactual"), 11, bold: true);
        w.Wrap(c.Text.Zh("Report.CounterfactualText"), 9);
        w.Wrap(c.Text.En("Report.CounterfactualText"), 8, XBrushes.DimGray);
        w.Y += 6;
        w.Line(c.Both("Report.MeasuredApart"), 11, bold: true);
        w.Wrap(c.Text.Zh("Report.MeasuredApartText"), 9);
        w.Wrap(c.Text.En("Report.MeasuredApartText"), 8, XBrushes.DimGray);
        w.Y += 6;
        w.Line(c.Both("Report.EmissionFactors"), 11, bold: true);
        double[] cols = [Margin, 110, 380, 460];
        w.Row(cols, [c.Text.Zh("Report.Version"), c.Text.Zh("Report.Figure"), c.Text.Zh("Report.Value"), c.Text.Zh("Report.Unit")], 9, bold: true);
        foreach (var f in c.EmissionFactors)
        {
            w.Row(cols, [f.Version, $"{c.Text.Zh("Report.Factor." + f.Key)} / {c.Text.En("Report.Factor." + f.Key)}",
                f.Value.ToString("0.####", CultureInfo.InvariantCulture), f.Unit], 8);
        }

        w.Y += 6;
        w.Line($"{c.Both("Report.RuleSet")}: {(c.RuleSetVersions.Count == 0 ? "–" : string.Join(", ", c.RuleSetVersions))}", 10);
        w.Line($"{c.Both("Report.DataVersion")}: {c.DataVersion}", 8, XBrushes.DimGray);
    }

    /// <summary>A cursor over the pages: lines, wrapped paragraphs and table rows, with a new page when the current one is full.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private XGraphics? graphics;

        public double Y { get; set; } = Margin;

        public XGraphics Graphics => graphics ?? NewPage();

        public XGraphics NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(Width);
            page.Height = XUnit.FromPoint(Height);
            graphics = XGraphics.FromPdfPage(page);
            Y = Margin;
            return graphics;
        }

        public void Close() => graphics?.Dispose();

        public void Heading(string text, double size = 16)
        {
            Line(text, size, bold: true);
            Y += 4;
        }

        public void Line(string text, double size, XBrush? brush = null, bool bold = false)
        {
            var font = Font(size, bold);
            Room(size * 1.5);
            Graphics.DrawString(text, font, brush ?? XBrushes.Black, new XPoint(Margin, Y + size));
            Y += size * 1.5;
        }

        public void Wrap(string text, double size, XBrush? brush = null)
        {
            var font = Font(size, false);
            var line = string.Empty;
            foreach (var ch in text)
            {
                if (Graphics.MeasureString(line + ch, font).Width > Width - (2 * Margin))
                {
                    Line(line, size, brush);
                    line = string.Empty;
                }

                line += ch;
            }

            if (line.Length > 0)
            {
                Line(line, size, brush);
            }
        }

        public void Row(double[] columns, string[] cells, double size, bool bold = false)
        {
            var font = Font(size, bold);
            Room(size * 1.6);
            for (var i = 0; i < cells.Length; i++)
            {
                var right = i + 1 < columns.Length ? columns[i + 1] - 6 : Width - Margin;
                Graphics.DrawString(Fit(cells[i], font, right - columns[i]), font, XBrushes.Black, new XPoint(columns[i], Y + size));
            }

            Y += size * 1.6;
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Graphics.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            while (text.Length > 1 && Graphics.MeasureString(text + "…", font).Width > width)
            {
                text = text[..^1];
            }

            return text + "…";
        }

        private void Room(double height)
        {
            if (graphics is null || Y + height > Height - Margin)
            {
                NewPage();
            }
        }

        private static XFont Font(double size, bool bold) =>
            new(CjkFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
    }
}
