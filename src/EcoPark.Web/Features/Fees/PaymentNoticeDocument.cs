using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EcoPark.Application.Fees;
using EcoPark.Domain.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace EcoPark.Web.Features.Fees;

/// <summary>The payment notice (art. 9) as printable HTML and as an Excel workbook, from one DTO.</summary>
public static class PaymentNoticeDocument
{
    public static string Html(PaymentNoticeDto notice, IStringLocalizer<SharedResource> l)
    {
        var h = HtmlEncoder.Create(UnicodeRanges.All);
        string E(string text) => h.Encode(text);
        var rows = new StringBuilder();
        foreach (var m in notice.Months)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(m.Month)}</td><td>{m.TapM3:N0}</td><td>{m.SurfaceM3:N0}</td><td>{m.GroundwaterM3:N0}</td><td>{m.OtherSupplierM3:N0}</td><td>{m.TapM3 + m.SurfaceM3 + m.GroundwaterM3 + m.OtherSupplierM3:N0}</td></tr>");
        }

        var steps = new StringBuilder();
        foreach (var s in notice.Steps)
        {
            steps.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Label)}<div class=\"detail\">{E(s.Detail)}</div></td><td class=\"num\">{s.AmountNtd:N2}</td></tr>");
        }

        // Art. 9: the reduction amount, claim by claim, so the payer sees every accepted reduction and offset and what it took off.
        var reductions = new StringBuilder();
        foreach (var r in notice.Reductions)
        {
            reductions.Append(CultureInfo.InvariantCulture,
                $"<tr data-testid=\"notice-reduction\"><td>{E(l["Fee.Claim.Kind." + r.Kind])}{(r.NoEffectText is { } why ? $"<div class=\"detail\">{E(why)}</div>" : "")}</td><td class=\"num\">{r.Claimed:N0} {Unit(r.Kind)}</td><td class=\"num\">{r.EffectNtd:N0}</td></tr>");
        }

        if (notice.Reductions.Count == 0)
        {
            reductions.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"3\">{E(l["Notice.NoReductions"])}</td></tr>");
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="{{E(CultureInfo.CurrentUICulture.Name)}}"><head><meta charset="utf-8"><title>{{E(l["Notice.Title"])}} {{E(notice.NoticeNumber)}}</title>
            <style>
              body { font-family: "Noto Sans TC", "Microsoft JhengHei", sans-serif; margin: 2rem; color: #222; }
              h1 { font-size: 1.5rem; margin-bottom: .2rem; } table { border-collapse: collapse; width: 100%; margin: .8rem 0; }
              th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; } td.num, th.num { text-align: right; }
              .detail { color: #666; font-size: .8rem; } .total { font-weight: bold; font-size: 1.1rem; }
              @media print { .no-print { display: none; } body { margin: 0; } }
            </style><script src="/notice-print.js" defer></script></head><body>
            <button class="no-print" data-print>{{E(l["Notice.Print"])}}</button>
            <h1>{{E(l["Notice.Title"])}}</h1>
            <p>{{E(l["Notice.Number"])}}: <strong data-testid="notice-number">{{E(notice.NoticeNumber)}}</strong> · {{E(l["Notice.FeeYear"])}}: {{notice.FeeYear}} · {{E(l["Notice.Version"])}}: {{notice.CaseVersion}}</p>
            <table>
              <tr><th>{{E(l["Notice.Payer"])}}</th><td>{{E(notice.PayerNameZh)}} / {{E(notice.PayerNameEn)}}</td></tr>
              <tr><th>{{E(l["Factory.Ubn"])}}</th><td>{{E(notice.UnifiedBusinessNumber)}}</td></tr>
              <tr><th>{{E(l["Factory.Address"])}}</th><td>{{E(notice.Address)}}</td></tr>
              <tr><th>{{E(l["Notice.WaterUse"])}}</th><td>{{E(l["Industry." + notice.WaterUse])}}</td></tr>
              <tr><th>{{E(l["Notice.RecyclingRate"])}}</th><td>{{E(l["Fee.Rate." + notice.RecyclingRate])}}</td></tr>
            </table>
            <h2>{{E(l["Notice.Months"])}}</h2>
            <table><tr><th>{{E(l["Fee.Month"])}}</th><th>{{E(l["Fee.Tap"])}}</th><th>{{E(l["Fee.Surface"])}}</th><th>{{E(l["Fee.Groundwater"])}}</th><th>{{E(l["Fee.OtherSupplier"])}}</th><th>{{E(l["Fee.Total"])}}</th></tr>{{rows}}</table>
            <h2>{{E(l["Notice.Reductions"])}}</h2>
            <table><tr><th>{{E(l["Fee.Claim.Kind"])}}</th><th class="num">{{E(l["Notice.Claimed"])}}</th><th class="num">{{E(l["Notice.Effect"])}}</th></tr>{{reductions}}</table>
            <h2>{{E(l["Notice.Calculation"])}}</h2>
            <table><tr><th>{{E(l["Notice.Step"])}}</th><th class="num">NTD</th></tr>{{steps}}</table>
            <table>
              <tr><th>{{E(l["Fee.Gross"])}}</th><td class="num">{{notice.GrossFeeNtd:N0}}</td></tr>
              <tr><th>{{E(l["Fee.Reduction"])}}</th><td class="num">{{notice.ReductionNtd:N0}}</td></tr>
              <tr class="total"><th>{{E(l["Fee.Net"])}}</th><td class="num" data-testid="notice-net">{{notice.NetFeeNtd:N0}}</td></tr>
              <tr><th>{{E(l["Notice.DueDate"])}}</th><td>{{notice.DueDate:yyyy-MM-dd}}</td></tr>
            </table>
            <p class="detail">{{E(l["Notice.RuleSet", notice.RuleSet.Code, notice.RuleSet.Version])}} · {{E(l["Notice.Rounding"])}} · {{E(l["Notice.DecidedAt"])}} {{notice.DecidedAt:yyyy-MM-dd HH:mm}} UTC</p>
            </body></html>
            """;
    }

    /// <summary>Sheet "notice" with the header fields and totals, sheet "months" with each month's volumes, sheet "steps".</summary>
    public static byte[] Xlsx(PaymentNoticeDto notice, IStringLocalizer<SharedResource> l)
    {
        var sheets = new Dictionary<string, object>
        {
            ["notice"] = new[]
            {
                Row(l["Notice.Number"], notice.NoticeNumber),
                Row(l["Notice.Payer"], $"{notice.PayerNameZh} / {notice.PayerNameEn}"),
                Row(l["Factory.Ubn"], notice.UnifiedBusinessNumber),
                Row(l["Factory.Address"], notice.Address),
                Row(l["Notice.WaterUse"], l["Industry." + notice.WaterUse]),
                Row(l["Notice.FeeYear"], notice.FeeYear),
                Row(l["Fee.Gross"], notice.GrossFeeNtd),
                Row(l["Fee.Reduction"], notice.ReductionNtd),
                Row(l["Fee.Net"], notice.NetFeeNtd),
                Row(l["Notice.DueDate"], notice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Row("rule set", $"{notice.RuleSet.Code} v{notice.RuleSet.Version}"),
            },
            ["months"] = notice.Months.Select(m => new Dictionary<string, object>
            {
                ["month"] = m.Month,
                ["tapM3"] = m.TapM3,
                ["surfaceM3"] = m.SurfaceM3,
                ["groundwaterM3"] = m.GroundwaterM3,
                ["otherSupplierM3"] = m.OtherSupplierM3,
                ["totalM3"] = m.TapM3 + m.SurfaceM3 + m.GroundwaterM3 + m.OtherSupplierM3,
            }).ToArray(),
            ["steps"] = notice.Steps.Select(s => new Dictionary<string, object> { ["step"] = s.Label, ["detail"] = s.Detail, ["amountNtd"] = s.AmountNtd }).ToArray(),
            ["reductions"] = notice.Reductions.Count == 0
                ? new[] { new Dictionary<string, object> { ["claim"] = l["Notice.NoReductions"].Value, ["claimed"] = 0m, ["unit"] = string.Empty, ["amountNtd"] = 0m, ["note"] = string.Empty } }
                : notice.Reductions.Select(r => new Dictionary<string, object>
                {
                    ["claim"] = l["Fee.Claim.Kind." + r.Kind].Value,
                    ["claimed"] = r.Claimed,
                    ["unit"] = Unit(r.Kind),
                    ["amountNtd"] = r.EffectNtd,
                    ["note"] = r.NoEffectText ?? string.Empty,
                }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static string Unit(string claimKind) => claimKind == Domain.Fees.FeeClaimKind.ReclaimedWater.Key() ? "m³" : "NTD";

    private static Dictionary<string, object> Row(string field, object value) => new() { ["field"] = field, ["value"] = value };
}
