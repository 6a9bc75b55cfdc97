namespace EcoPark.Domain.Matching;

/// <summary>
/// A file kept with a match at one of its steps (an effluent use plan, a permit amendment, a contract),
/// with its SHA-256 so that the stored copy can be proven unchanged.
/// </summary>
public sealed class MatchDocument
{
    private MatchDocument()
    {
        FileName = null!;
        ContentType = null!;
        Sha256 = null!;
        Content = null!;
    }

    public MatchDocument(Guid id, Guid matchId, MatchState state, string fileName, string contentType, byte[] content, string sha256, Guid uploadedBy,
        DateTimeOffset uploadedAt)
        : this()
    {
        Id = id;
        MatchId = matchId;
        State = state;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.LongLength;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid MatchId { get; private set; }

    /// <summary>The step the match was at when the file was added.</summary>
    public MatchState State { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
