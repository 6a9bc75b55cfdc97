using EcoPark.Domain.Screening;

namespace EcoPark.Domain.Tests.Screening;

public sealed class TaiwanCountiesTests
{
    [Theory]
    [InlineData("台中市", "臺中市")]
    [InlineData(" 桃園市 ", "桃園市")]
    [InlineData("Taoyuan City", "桃園市")]
    [InlineData("new taipei city", "新北市")]
    [InlineData("NewTaipeiCity", "新北市")]
    [InlineData("Lienchiang-County", "連江縣")]
    [InlineData("TAITUNG COUNTY", "臺東縣")]
    [InlineData("Atlantis", "Atlantis")]
    [InlineData("火星市", "火星市")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Normalise_ReadsAChineseOrEnglishNameAsTheChineseNameTheScreenCompares(string? typed, string? expected)
    {
        Assert.Equal(expected, TaiwanCounties.Normalise(typed));
    }

    [Theory]
    [InlineData("Chiayi City", "嘉義市")]
    [InlineData("Chiayi County", "嘉義縣")]
    [InlineData("Hsinchu City", "新竹市")]
    [InlineData("Hsinchu County", "新竹縣")]
    public void Normalise_TellsApartTheCityAndTheCountyOfOneName(string typed, string expected)
    {
        Assert.Equal(expected, TaiwanCounties.Normalise(typed));
        Assert.True(TaiwanCounties.IsKnown(typed));
    }

    [Fact]
    public void EnglishNames_AreOnePerCounty_SpeltFromTheCodes()
    {
        Assert.Equal(TaiwanCounties.All.Count, TaiwanCounties.EnglishNames.Distinct().Count());
        Assert.Equal("New Taipei City", TaiwanCounties.EnglishNames[TaiwanCounties.All.ToList().IndexOf("新北市")]);
        Assert.All(TaiwanCounties.EnglishNames, n => Assert.Equal(TaiwanCounties.All[TaiwanCounties.EnglishNames.ToList().IndexOf(n)], TaiwanCounties.Normalise(n)));
    }
}
