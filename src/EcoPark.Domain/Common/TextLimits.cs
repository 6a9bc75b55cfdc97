namespace EcoPark.Domain.Common;

/// <summary>
/// The longest text of each kind, in characters. The validators refuse longer input with these numbers
/// and the database columns are declared with the same ones, so a text that passes the check always fits.
/// </summary>
public static class TextLimits
{
    /// <summary>Version names, approval numbers, rule-set codes.</summary>
    public const int Code = 60;

    /// <summary>A person's name (contact, user display name).</summary>
    public const int PersonName = 100;

    /// <summary>A stream's name.</summary>
    public const int StreamName = 100;

    /// <summary>A legal or English name of a park or factory.</summary>
    public const int Name = 200;

    /// <summary>A short label: an issuer, a disposal route, a material, an e-mail address.</summary>
    public const int Label = 256;

    /// <summary>A postal address.</summary>
    public const int Address = 300;

    /// <summary>A stored file's name.</summary>
    public const int FileName = 255;

    /// <summary>A comment, reason or note on one decision.</summary>
    public const int Comment = 1000;

    /// <summary>Free text: stream notes, descriptions, justifications, notes on a match step.</summary>
    public const int LongText = 2000;

    /// <summary>A telephone number.</summary>
    public const int Phone = 30;
}
