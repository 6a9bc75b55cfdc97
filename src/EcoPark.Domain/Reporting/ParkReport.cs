namespace EcoPark.Domain.Reporting;

/// <summary>A park report's span: a month or a calendar year.</summary>
public enum ReportKind
{
    Monthly,
    Annual,
}

public enum ReportFormat
{
    Pdf,
    Xlsx,
}

/// <summary>
/// A park report as generated on request, kept with the version of the data it was built from (the records, the rule-set and
/// emission-factor versions), so that the same request on the same data returns the same file and an older file can be traced.
/// </summary>
public sealed class ParkReport
{
    private ParkReport()
    {
        Period = null!;
        DataVersion = null!;
        Content = null!;
        Sha256 = null!;
    }

    public ParkReport(Guid id, Guid parkId, ReportKind kind, ReportPeriod period, ReportFormat format, string dataVersion, byte[] content, string sha256,
        Guid? createdBy, DateTimeOffset createdAt)
        : this()
    {
        Id = id;
        ParkId = parkId;
        Kind = kind;
        Period = period.ToString();
        Format = format;
        DataVersion = dataVersion;
        Content = content;
        SizeBytes = content.LongLength;
        Sha256 = sha256;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid ParkId { get; private set; }

    public ReportKind Kind { get; private set; }

    /// <summary>YYYY or YYYY-MM.</summary>
    public string Period { get; private set; }

    public ReportFormat Format { get; private set; }

    /// <summary>A hash of what the report was built from: the records' version, the rule-set and emission-factor versions, the layout.</summary>
    public string DataVersion { get; private set; }

    public byte[] Content { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
