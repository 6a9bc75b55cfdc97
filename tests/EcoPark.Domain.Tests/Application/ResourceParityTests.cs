using System.Xml.Linq;
using EcoPark.Domain.Common;

namespace EcoPark.Domain.Tests.Application;

/// <summary>Every UI and message text exists in both languages, so no screen falls back to a key or the other language.</summary>
public sealed class ResourceParityTests
{
    [Theory]
    [InlineData("src/EcoPark.Web/Resources/SharedResource")]
    [InlineData("src/EcoPark.Application/Resources/Messages")]
    public void Resources_HaveTheSameKeysInEnglishAndTraditionalChinese(string basePath)
    {
        var english = Keys(basePath + ".resx");
        var chinese = Keys(basePath + ".zh-TW.resx");

        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
        Assert.NotEmpty(english);
    }

    [Fact]
    public void EveryTextTheWebUsesExists()
    {
        var keys = Keys("src/EcoPark.Web/Resources/SharedResource.resx");
        var webFolder = Path.Combine(SolutionRoot(), "src/EcoPark.Web");
        var used = Directory.EnumerateFiles(webFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"[Ll]\[""([A-Za-z][A-Za-z.]*[A-Za-z])""").Select(m => m.Groups[1].Value))
            .Concat(Enum.GetValues<EcoPark.Domain.Factories.Industry>().Select(i => "Industry." + i.Key()))
            .Concat(EcoPark.Domain.Access.Roles.All.Select(r => "Role." + r))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.FeeCaseStatus>().Select(n => "Fee.Status." + n))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.PayerCategory>().Select(n => "Fee.Payer." + n))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.FeeClaimKind>().Select(n => "Fee.Claim.Kind." + n))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.ClaimDecision>().Select(n => "Fee.Claim.Decision." + n))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.EvidenceKind>().Select(n => "Fee.Evidence.Kind." + n))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.FeeStepKind>().Select(n => "Fee.Order." + n))
            .Concat(Enum.GetNames<EcoPark.Domain.Fees.RecyclingRateStatus>().Select(n => "Fee.Rate." + n.ToLowerInvariant()))
            .ToHashSet();

        Assert.Empty(used.Except(keys));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".zh-TW")]
    public void IndustryAndParameterNames_AreTheSameInTheApplicationAndTheWeb(string language)
    {
        // The application names a factory's industry where it withholds the factory's name, and a parameter in the
        // refusal of its value; the web names both everywhere else.
        var web = Texts($"src/EcoPark.Web/Resources/SharedResource{language}.resx");
        var application = Texts($"src/EcoPark.Application/Resources/Messages{language}.resx");
        var keys = Enum.GetValues<EcoPark.Domain.Factories.Industry>().Select(i => "Industry." + i.Key())
            .Concat(EcoPark.Domain.Streams.WaterQuality.Parameters.All.Concat(EcoPark.Domain.Streams.ByproductProperties.Parameters.All).Select(p => "Param." + p.Key))
            .ToList();
        Assert.Equal(19 + 6 + Enum.GetValues<EcoPark.Domain.Factories.Industry>().Length, keys.Count);
        foreach (var key in keys)
        {
            Assert.True(application.ContainsKey(key), $"the application has no text for {key}");
            Assert.Equal(web[key], application[key]);
        }
    }

    [Fact]
    public void CountyEnglishNames_TheRefusalListsAreTheNamesTheWebShows()
    {
        var web = Texts("src/EcoPark.Web/Resources/SharedResource.resx");
        var counties = EcoPark.Domain.Screening.TaiwanCounties.All;

        Assert.Equal(counties.Select(c => web["County." + EcoPark.Domain.Screening.TaiwanCounties.Code(c)]), EcoPark.Domain.Screening.TaiwanCounties.EnglishNames);
    }

    private static Dictionary<string, string> Texts(string relativePath) =>
        XDocument.Load(Path.Combine(SolutionRoot(), relativePath)).Root!.Elements("data").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Element("value")!);

    private static HashSet<string> Keys(string relativePath)
    {
        var path = Path.Combine(SolutionRoot(), relativePath);
        return [.. XDocument.Load(path).Root!.Elements("data").Select(e => (string)e.Attribute("name")!)];
    }

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
