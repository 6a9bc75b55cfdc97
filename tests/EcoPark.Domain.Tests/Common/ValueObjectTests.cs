using EcoPark.Domain.Common;
using EcoPark.Domain.Parks;

namespace EcoPark.Domain.Tests.Common;

public sealed class ValueObjectTests
{
    [Theory]
    [InlineData(-90.0001, 0, "Latitude")]
    [InlineData(90.0001, 0, "Latitude")]
    [InlineData(0, -180.0001, "Longitude")]
    [InlineData(0, 180.0001, "Longitude")]
    [InlineData(double.NaN, 0, "Latitude")]
    public void GeoPoint_OutOfRange_Throws(double latitude, double longitude, string field)
    {
        var error = Assert.Throws<DomainException>(() => new GeoPoint(latitude, longitude));
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(25.0, 121.0, 25.0, 121.0, 0)]
    [InlineData(25.0, 121.0, 26.0, 121.0, 111_195)] // one degree of latitude on the mean sphere: 6,371,008.8 m × π/180
    [InlineData(0.0, 0.0, 0.0, 1.0, 111_195)] // one degree of longitude on the equator
    [InlineData(25.0330, 121.5654, 25.0478, 121.5170, 5_146)] // two points in Taipei, hand-computed with the haversine formula
    public void GeoPoint_DistanceMetresTo_IsGreatCircleDistance(double lat1, double lon1, double lat2, double lon2, double expectedMetres)
    {
        var distance = new GeoPoint(lat1, lon1).DistanceMetresTo(new GeoPoint(lat2, lon2));

        Assert.InRange(distance, expectedMetres - 1.5, expectedMetres + 1.5);
    }

    [Fact]
    public void Flow_Negative_Throws() => Assert.Throws<DomainException>(() => new CubicMetresPerDay(-0.01m));

    [Theory]
    [InlineData("", "Qingxi")]
    [InlineData("青溪", "  ")]
    public void BilingualName_BlankPart_Throws(string zh, string en) =>
        Assert.Throws<DomainException>(() => new BilingualName(zh, en));

    [Fact]
    public void Park_SpareAboveDesignCapacity_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Park(
            Guid.NewGuid(), new BilingualName("青溪", "Qingxi"), "桃園市", new GeoPoint(25, 121), new CubicMetresPerDay(1000), new CubicMetresPerDay(1000.5m)));

        Assert.Equal("wwtpSpareM3PerDay", error.Field);
    }
}
