namespace EcoPark.Web.Shared;

/// <summary>
/// A file attached to a record (a fee case's evidence, a match's documents) as the shared table lists it: the
/// download link, what it is, when and by whom it came, its size and its SHA-256.
/// </summary>
public sealed record AttachedFile(string Href, string FileName, string Label, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string? UploadedBy);

/// <summary>A file read from the browser, within the evidence size limit, ready for the record's handler.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);
