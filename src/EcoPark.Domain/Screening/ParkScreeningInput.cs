using EcoPark.Domain.Common;

namespace EcoPark.Domain.Screening;

/// <summary>
/// The figures a park's screening needs that no other record holds. Any of them may be null: unknown. The
/// three overrides (<see cref="HighWaterUseAnnual10kM3"/>, <see cref="WwtpSpareCapacityM3PerDay"/>,
/// <see cref="EasyMatchSharePercent"/>) replace what the platform derives or keeps on the park record.
/// </summary>
public record ParkScreeningValues
{
    public decimal? LeasableLandHa { get; init; }

    /// <summary>Tap water the supplier can still deliver; negative when the park already draws more than its allocation.</summary>
    public decimal? TapHeadroomM3PerDay { get; init; }

    /// <summary>Extra supply planned: tap, agricultural, reclaimed and desalinated water together.</summary>
    public decimal? ExtraSupplyM3PerDay { get; init; }

    public decimal? LeasableFactoryAreaHa { get; init; }

    /// <summary>Override of factor 3, otherwise derived from filings.</summary>
    public decimal? HighWaterUseAnnual10kM3 { get; init; }

    /// <summary>From a survey; negative when use is expected to fall.</summary>
    public decimal? ExpectedIncrease10kM3PerYear { get; init; }

    /// <summary>Override of the park record's spare WWTP capacity; negative when the plant is overloaded.</summary>
    public decimal? WwtpSpareCapacityM3PerDay { get; init; }

    /// <summary>Override of the park record's county, for factor 6.</summary>
    public string? County { get; init; }

    /// <summary>Override of factor 7's list.</summary>
    public bool? LowTolerance { get; init; }

    /// <summary>Override of factor 8, otherwise derived from matching.</summary>
    public decimal? EasyMatchSharePercent { get; init; }

    public decimal? WwtpEffluentM3PerDay { get; init; }

    public decimal? WwtpConductivityUsCm { get; init; }

    public decimal? WwtpExpansionLandHa { get; init; }

    /// <summary>The figures alone (never a subtype such as a request body), with the county spelt as the screen compares it.</summary>
    public ParkScreeningValues Normalised() => new(this) { County = TaiwanCounties.Normalise(County) };
}

/// <summary>
/// One dated version of a park's screening figures, with the source they came from. A change adds the next
/// version; none is ever overwritten, so the screen for any past date can be repeated. The version in use
/// on a date is the one with the latest <see cref="AsOf"/> on or before it (then the highest number).
/// </summary>
public sealed class ParkScreeningInput
{
    private ParkScreeningInput()
    {
        Source = null!;
        Values = null!;
    }

    public ParkScreeningInput(Guid id, Guid parkId, int version, DateOnly asOf, ParkScreeningValues values, string source, Guid? enteredBy, DateTimeOffset enteredAt)
        : this()
    {
        if (version < 1)
        {
            throw new DomainException("version", "screening-version", "A version number is 1 or more.");
        }

        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > ScreeningLimits.SourceMaxLength)
        {
            throw new DomainException("source", "screening-source", "Say where the figures come from.");
        }

        if (values.LeasableFactoryAreaHa is <= 0)
        {
            throw new DomainException("leasableFactoryAreaHa", "screening-area", "The leasable factory area must be above zero.");
        }

        Id = id;
        ParkId = parkId;
        Version = version;
        AsOf = asOf;
        Source = source.Trim();
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
        Values = values.Normalised();
    }

    public Guid Id { get; private set; }

    public Guid ParkId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The date the figures describe.</summary>
    public DateOnly AsOf { get; private set; }

    public string Source { get; private set; }

    public Guid? EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    public ParkScreeningValues Values { get; private set; }

    /// <summary>The version in use on a date, among one park's versions.</summary>
    public static ParkScreeningInput? InUseOn(IEnumerable<ParkScreeningInput> versions, DateOnly date) =>
        versions.Where(v => v.AsOf <= date).OrderByDescending(v => v.AsOf).ThenByDescending(v => v.Version).FirstOrDefault();
}

/// <summary>
/// Upper bounds of every screening quantity, shared by the validator and the database columns
/// (numeric(<see cref="Precision"/>, <see cref="Scale"/>) holds up to 10¹⁰), so no accepted value can overflow a column.
/// </summary>
public static class ScreeningLimits
{
    public const int Precision = 12;
    public const int Scale = 2;
    public const decimal MaxAreaHa = 100_000;
    public const decimal MaxFlowM3PerDay = 10_000_000;
    public const decimal MaxAnnual10kM3 = 1_000_000;
    public const decimal MaxConductivityUsCm = 200_000;
    public const int SourceMaxLength = 300;
    /// <summary>The longest county name stored: the Chinese names are three characters.</summary>
    public const int CountyMaxLength = 10;

    /// <summary>The longest county a user may type, in either language (Lienchiang County is 17 characters).</summary>
    public const int CountyInputMaxLength = 40;
}

/// <summary>Taiwan's 22 counties and cities, as the screen compares them: 台 is read as 臺.</summary>
public static class TaiwanCounties
{
    private static readonly string[] Names =
    [
        "臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "基隆市", "新竹市", "嘉義市", "新竹縣", "苗栗縣", "彰化縣", "南投縣", "雲林縣",
        "嘉義縣", "屏東縣", "宜蘭縣", "花蓮縣", "臺東縣", "澎湖縣", "金門縣", "連江縣",
    ];

    public static IReadOnlyList<string> All => Names;

    /// <summary>Each county's code, in the order of <see cref="All"/>: the key of its name in the user's language (<c>County.TaoyuanCity</c>).</summary>
    private static readonly string[] Codes =
    [
        "TaipeiCity", "NewTaipeiCity", "TaoyuanCity", "TaichungCity", "TainanCity", "KaohsiungCity", "KeelungCity", "HsinchuCity", "ChiayiCity",
        "HsinchuCounty", "MiaoliCounty", "ChanghuaCounty", "NantouCounty", "YunlinCounty", "ChiayiCounty", "PingtungCounty", "YilanCounty",
        "HualienCounty", "TaitungCounty", "PenghuCounty", "KinmenCounty", "LienchiangCounty",
    ];

    /// <summary>
    /// The county's Chinese name as the screen compares it: 台 read as 臺, and an English name (<c>Taoyuan City</c>,
    /// any case, spaces or hyphens as typed) or a code (<c>TaoyuanCity</c>) read as the Chinese name it stands for.
    /// Text that names no county is returned trimmed, for the validator to refuse.
    /// </summary>
    public static string? Normalise(string? county)
    {
        if (string.IsNullOrWhiteSpace(county))
        {
            return null;
        }

        var text = county.Trim().Replace('台', '臺');
        var letters = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var code = Array.FindIndex(Codes, c => string.Equals(c, letters, StringComparison.OrdinalIgnoreCase));
        return code >= 0 ? Names[code] : text;
    }

    /// <summary>The English names, spelt from the codes (<c>NewTaipeiCity</c> → <c>New Taipei City</c>), for a refusal that lists them.</summary>
    public static IReadOnlyList<string> EnglishNames { get; } =
        [.. Codes.Select(c => string.Concat(c.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + ch : ch.ToString())))];

    /// <summary>The code of a county on the list (<c>桃園市</c> → <c>TaoyuanCity</c>), else null.</summary>
    public static string? Code(string? county) => Normalise(county) is { } c && Array.IndexOf(Names, c) is var i and >= 0 ? Codes[i] : null;

    public static bool IsKnown(string? county) => Normalise(county) is { } c && Names.Contains(c);
}
