using EcoPark.Domain.Reporting;

namespace EcoPark.Application.Reporting;

/// <summary>The report's words in both languages (the report is bilingual: Chinese first, English beneath), read from the resources.</summary>
public interface IReportText
{
    string Zh(string key);

    string En(string key);
}

/// <summary>Lays a park report out as PDF (kept out of the application layer: the PDF library lives in infrastructure).</summary>
public interface IParkReportPdf
{
    byte[] Render(ParkReportContent content);
}

/// <summary>A linkage as the report lists it: resource, state and the two factories, without either party's prices, costs or volumes.</summary>
public sealed record ReportLinkage(string Resource, string State, string SupplierZh, string BuyerZh, DateOnly? Since);

/// <summary>One emission factor of a matching rule-set version, as the methods page states it.</summary>
public sealed record ReportEmissionFactor(string Version, string Key, decimal Value, string Unit);

/// <summary>Everything a park report shows, built once and laid out as PDF or xlsx.</summary>
public sealed record ParkReportContent(
    ReportKind Kind,
    string Period,
    string ParkNameZh,
    string ParkNameEn,
    string DataVersion,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<KpiFigureDto> Figures,
    IReadOnlyList<KpiTrendPoint> Trend,
    IReadOnlyList<LinkageCountDto> LinkageCounts,
    IReadOnlyList<ReportLinkage> Linkages,
    string LastClosedMonth,
    IReadOnlyList<string> Filed,
    IReadOnlyList<string> Overdue,
    IReadOnlyList<string> RuleSetVersions,
    IReadOnlyList<ReportEmissionFactor> EmissionFactors,
    IReportText Text)
{
    /// <summary>"中文 / English" for a resource key.</summary>
    public string Both(string key) => $"{Text.Zh(key)} / {Text.En(key)}";
}

/// <summary>A report file ready to download, with the data version it was built from and whether it was the stored copy.</summary>
public sealed record ParkReportFile(string FileName, string ContentType, byte[] Content, string DataVersion, bool FromStore);
