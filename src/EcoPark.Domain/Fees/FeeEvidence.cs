using EcoPark.Domain.Common;

namespace EcoPark.Domain.Fees;

[KeyCase(KeyCase.Pascal)]
public enum EvidenceKind
{
    VerificationStatement,
    ReclaimedWaterProof,
    InvestmentApproval,
    PollutionFeeReceipt,
    Other,
}

/// <summary>A file attached to a fee case, with its SHA-256 so that the stored copy can be proven unchanged.</summary>
public sealed class FeeEvidence
{
    private FeeEvidence()
    {
        FileName = null!;
        ContentType = null!;
        Sha256 = null!;
        Content = null!;
    }

    public FeeEvidence(Guid id, Guid feeCaseId, Guid? claimId, EvidenceKind kind, string fileName, string contentType, byte[] content, string sha256,
        Guid uploadedBy, DateTimeOffset uploadedAt)
        : this()
    {
        Id = id;
        FeeCaseId = feeCaseId;
        ClaimId = claimId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.LongLength;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid FeeCaseId { get; private set; }

    public Guid? ClaimId { get; private set; }

    public EvidenceKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
