using System.Globalization;
using EcoPark.Application;
using EcoPark.Application.Factories;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoPark.Domain.Tests.Application;

public sealed class FactoryInputValidatorTests
{
    private readonly FactoryInputValidator validator = new(Localizer());

    public static IStringLocalizer<Messages> Localizer() =>
        new StringLocalizer<Messages>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    public static FactoryInput Valid() => new()
    {
        ParkId = Guid.NewGuid(),
        NameZh = "永彩染整股份有限公司",
        NameEn = "Yongcai Dyeing & Finishing Co., Ltd.",
        Address = "桃園市觀音區青溪路2號",
        UnifiedBusinessNumber = "96865468",
        Industry = "dyeing",
        TsicCode = "1150",
        Latitude = 25.0198,
        Longitude = 121.1677,
        ContactName = "林淑芬",
        ContactPhone = "03-386-1002",
        ContactEmail = "lin@example.tw",
    };

    [Fact]
    public void Validate_CompleteInput_Passes() => Assert.True(validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData("UnifiedBusinessNumber", "12345678", "zh-TW", "統一編號檢查碼不正確，請確認號碼。")]
    [InlineData("UnifiedBusinessNumber", "12345678", "en", "This unified business number fails the official checksum; please check the digits.")]
    [InlineData("UnifiedBusinessNumber", "1234", "zh-TW", "統一編號必須是 8 位數字。")]
    [InlineData("Industry", "mining", "en", "Unknown industry; choose one from the list.")]
    [InlineData("TsicCode", "11A", "zh-TW", "行業分類代碼應為 2 至 4 位數字。")]
    [InlineData("ContactPhone", "call me", "en", "A phone number may hold digits, spaces, +, -, ( ) and #.")]
    public void Validate_BadField_NamesTheFieldInTheUserLanguage(string field, string value, string culture, string expected)
    {
        var input = Valid();
        typeof(FactoryInput).GetProperty(field)!.SetValue(input, value);

        var errors = InCulture(culture, () => validator.Validate(input).Errors);

        var error = Assert.Single(errors);
        Assert.Equal(field, error.PropertyName);
        Assert.Equal(expected, error.ErrorMessage);
    }

    [Theory]
    [InlineData("zh-TW", "中文名稱")]
    [InlineData("en", "Name (Chinese)")]
    public void Validate_MissingName_UsesTheLocalizedFieldName(string culture, string fieldName)
    {
        var input = Valid();
        input.NameZh = string.Empty;

        var error = Assert.Single(InCulture(culture, () => validator.Validate(input).Errors));

        Assert.Contains(fieldName, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21.7, 121.0, "Latitude")] // south of Taiwan
    [InlineData(26.6, 121.0, "Latitude")] // north of Matsu
    [InlineData(24.0, 117.9, "Longitude")] // west of Kinmen
    [InlineData(24.0, 122.2, "Longitude")] // east of Taiwan
    public void Validate_CoordinatesOutsideTaiwan_AreRejected(double latitude, double longitude, string field)
    {
        var input = Valid();
        input.Latitude = latitude;
        input.Longitude = longitude;

        Assert.Equal(field, Assert.Single(validator.Validate(input).Errors).PropertyName);
    }

    [Theory]
    [InlineData(24.43, 118.32)] // Kinmen
    [InlineData(26.16, 119.95)] // Matsu
    [InlineData(23.57, 119.58)] // Penghu
    public void Validate_OutlyingIslands_AreAccepted(double latitude, double longitude)
    {
        var input = Valid();
        input.Latitude = latitude;
        input.Longitude = longitude;

        Assert.True(validator.Validate(input).IsValid);
    }

    internal static T InCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
