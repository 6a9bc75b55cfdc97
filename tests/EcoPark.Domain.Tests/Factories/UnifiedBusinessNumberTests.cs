using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;

namespace EcoPark.Domain.Tests.Factories;

public sealed class UnifiedBusinessNumberTests
{
    [Theory]
    [InlineData("22099131")] // a listed company's number: products 2,4,0,18,9,2,12,1 → digit sums total 30
    [InlineData("04595257")] // leading zero kept: total 40
    [InlineData("12345675")] // total 35: valid only under the divisible-by-5 rule in force since 2023
    [InlineData("10458575")] // seventh digit 7, total 30 read with 28 → 10
    [InlineData("10458574")] // seventh digit 7, total 29: valid only because 28 may count as 1 (29 + 1 = 30)
    [InlineData("96865468")] // demo data
    public void IsValid_KnownValidNumbers_ReturnsTrue(string number) =>
        Assert.True(UnifiedBusinessNumber.IsValid(number));

    [Theory]
    [InlineData("12345678")] // total 42, and 43 with the seventh-digit rule
    [InlineData("22099132")] // one digit off
    [InlineData("10458573")] // seventh digit 7 but neither 28 nor 29 is a multiple of 5
    [InlineData("1234567")] // seven digits
    [InlineData("123456789")] // nine digits
    [InlineData("1234567A")] // a letter
    [InlineData("１２３４５６７５")] // full-width digits are not ASCII digits
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_InvalidNumbers_ReturnsFalse(string? number) =>
        Assert.False(UnifiedBusinessNumber.IsValid(number));

    [Fact]
    public void Parse_TrimsSurroundingSpaces()
    {
        Assert.Equal("04595257", UnifiedBusinessNumber.Parse(" 04595257 ").Value);
    }

    [Fact]
    public void Parse_InvalidNumber_ThrowsNamingTheField()
    {
        var error = Assert.Throws<DomainException>(() => UnifiedBusinessNumber.Parse("12345678"));
        Assert.Equal("unifiedBusinessNumber", error.Field);
        Assert.Equal("checksum", error.Code);
    }
}
