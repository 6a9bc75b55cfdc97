using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Screening;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Tests.Application;

/// <summary>
/// Every code the screens and the API can show has its text in both languages under the key convention
/// <c>Kind.code</c> (docs/decisions/0018-one-language-at-a-time.md). The codes are enumerated from the domain itself
/// (enums, the reason-code constants, the default treatment catalogue, the parameter catalogues, the engines' input
/// names and every code an aggregate refuses with), so a new code without a resource fails here rather than on a screen.
/// </summary>
public sealed partial class CodeResourceTests
{
    private static readonly string Root = SolutionRoot();

    public static TheoryData<string, string> CodeKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in WebKeys().Distinct())
        {
            data.Add("src/EcoPark.Web/Resources/SharedResource", key);
        }

        foreach (var code in DomainExceptionCodes())
        {
            data.Add("src/EcoPark.Application/Resources/Messages", "Domain." + code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodeKeys))]
    public void EveryCodeAScreenShows_HasItsTextInEnglishAndTraditionalChinese(string resource, string key)
    {
        Assert.Contains(key, ResourceKeys(resource + ".resx"));
        Assert.Contains(key, ResourceKeys(resource + ".zh-TW.resx"));
    }

    [Fact]
    public void TheDomainRefusesWithCodes_TheScanFindsThem()
    {
        // Guards the source scan itself: a refactoring that hid the codes from it would silently empty the theory above.
        var codes = DomainExceptionCodes().ToList();
        Assert.Contains("negative", codes);
        Assert.Contains("zero-intake", codes);
        Assert.Contains("invalid-transition", codes);
        Assert.True(codes.Count > 50, $"only {codes.Count} codes found");
    }

    [Fact]
    public void TheEnginesNameTheirInputs_TheScanFindsThem()
    {
        var names = InputNames().ToList();
        Assert.Contains("marginalFeeNtdPerM3", names);
        Assert.Contains("distanceM", names);
        Assert.True(names.Count > 30, $"only {names.Count} input names found");
    }

    [Fact]
    public void TraditionalChineseValidatorMessages_NameNoEnglishWord()
    {
        Assert.All(ValidationLanguage.TraditionalChinese.Values, m => Assert.DoesNotMatch(@"\b(Null|null|must|not)\b", m));
        Assert.Contains("NotNullValidator", ValidationLanguage.TraditionalChinese.Keys);
    }

    private static IEnumerable<string> WebKeys()
    {
        static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        var statuses = Enum.GetValues<WaterMatchStatus>().Select(s => s.Key())
            .Concat(Enum.GetNames<HeatMatchStatus>().Select(Kebab))
            .Concat(Enum.GetNames<ByproductMatchStatus>().Select(Kebab));
        var reasons = typeof(MatchCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
        return statuses.Select(s => "Status." + s)
            .Concat(reasons.Select(r => "Reason." + r))
            .Concat(MatchingDefaults.Treatments().Steps.Select(s => "Treatment." + s.Code))
            .Concat(WaterQuality.Parameters.All.Concat(ByproductProperties.Parameters.All).Select(p => "Param." + p.Key))
            .Concat(InputNames().Select(n => "Input." + n))
            .Concat(Enum.GetValues<InputSource>().Select(s => "Source." + s.Key()))
            .Concat(Enum.GetValues<Verdict>().Select(v => "Verdict." + v.ToString().ToLowerInvariant()))
            .Concat(Enum.GetValues<MatchState>().Select(s => "State." + s.Key()))
            .Concat(Enum.GetValues<Industry>().Select(i => "Party." + i.Key()))
            .Concat(new[] { "effluent", "demand", "heat", "byproduct" }.SelectMany(k => new[] { "Stream.AddKind." + k, "Stream.EditKind." + k }))
            .Concat(new[] { "water", "heat", "byproduct" }.Select(k => "Matching.NegativeCo2e." + k))
            // The unit words the screens translate (Texts.UnitWords in the web project).
            .Concat(new[] { "day", "month", "year", "t", "h", "NTD" }.Select(w => "Unit." + w))
            .Concat(["Matching.LimitsSource.demand", "Matching.LimitsSource.Baseline"])
            .Concat(TaiwanCounties.All.Select(c => "County." + TaiwanCounties.Code(c)));
    }

    /// <summary>The names the matching engines give their inputs and reasons' subjects: the camelCase literals of their sources.</summary>
    private static IEnumerable<string> InputNames() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src/EcoPark.Domain/Matching"), "*.cs")
            .SelectMany(f => CamelCaseLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(n => n != "kW")
            .Distinct();

    /// <summary>
    /// The code of every refusal in the domain's sources: in <c>new DomainException(field, "code", "Message")</c> and in the
    /// checks' <c>Require(condition, field, "code", "Message")</c>, the lower-case literal just before the message.
    /// </summary>
    private static IEnumerable<string> DomainExceptionCodes() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src/EcoPark.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => Refusal().Matches(File.ReadAllText(f)))
            .SelectMany(m => CodeBeforeMessage().Matches(m.Groups[1].Value).Select(c => c.Groups[1].Value)
                .Concat(ConditionalCodes().Matches(m.Groups[1].Value).SelectMany(c => new[] { c.Groups[1].Value, c.Groups[2].Value })))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static HashSet<string> ResourceKeys(string relativePath) =>
        [.. XDocument.Load(Path.Combine(Root, relativePath)).Root!.Elements("data").Select(e => (string)e.Attribute("name")!)];

    [GeneratedRegex(@"""([a-z]+[A-Z][A-Za-z0-9]*)""")]
    private static partial Regex CamelCaseLiteral();

    [GeneratedRegex(@"(?:new DomainException\(|\bRequire\()([^;]*);", RegexOptions.Singleline)]
    private static partial Regex Refusal();

    [GeneratedRegex(@"""([a-z][a-z0-9.\-]*)""\s*,\s*\$?@?""[A-Z{']")]
    private static partial Regex CodeBeforeMessage();

    [GeneratedRegex(@"\?\s*""([a-z][a-z0-9.\-]*)""\s*:\s*""([a-z][a-z0-9.\-]*)""")]
    private static partial Regex ConditionalCodes();

    private static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoPark.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EcoPark.sln not found above the test folder");
    }
}
