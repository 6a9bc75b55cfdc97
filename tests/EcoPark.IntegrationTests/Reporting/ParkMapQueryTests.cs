using EcoPark.Application.Common;
using EcoPark.Application.Reporting;
using EcoPark.Domain.Access;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Reporting;

/// <summary>The dashboard map's query on the demo park, and the server-drawn map's projection.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ParkMapQueryTests(DemoAppFixture app)
{
    [Fact]
    public async Task TheParksStaff_GetItsFactoriesAndOnlyItsAgreedToOperatingMatches_ByFactoryAndResource()
    {
        using var scope = app.Factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<ParkKpiQueries>();
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;
        var staff = new Caller(Guid.NewGuid(), [Roles.ParkStaff], [park], []);

        var map = await queries.MapAsync(staff, park);

        Assert.Contains(map.Factories, f => f.NameZh == "青溪工業區污水處理廠" && f.Latitude > 25 && f.Longitude > 121);
        Assert.Contains(map.Matches, m => m.State == "operating");
        Assert.All(map.Matches, m => Assert.Contains(m.State, new[] { "agreed", "permits", "built", "operating" }));
        Assert.All(map.Matches, m => Assert.Contains(m.Resource, new[] { "water", "heat", "byproduct" }));
        Assert.All(map.Matches, m => Assert.Contains(map.Factories, f => f.Id == m.SupplyFactoryId));
        Assert.All(map.Matches, m => Assert.Contains(map.Factories, f => f.Id == m.DemandFactoryId));
    }

    [Theory]
    [InlineData(Roles.ParkStaff, false)] // staff of the other park
    [InlineData(Roles.FactoryEngineer, false)]
    [InlineData(Roles.Auditor, true)]
    [InlineData(Roles.Administrator, true)]
    public async Task OnlyTheParksStaff_AuditorsAndAdministrators_ReadTheMap(string role, bool reads)
    {
        using var scope = app.Factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<ParkKpiQueries>();
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;
        var otherPark = (await app.FactoryNamedAsync("溪南鋼鐵股份有限公司")).ParkId;
        var caller = new Caller(Guid.NewGuid(), [role], [otherPark], []);

        var read = () => queries.MapAsync(caller, park);

        if (reads)
        {
            Assert.NotEmpty((await read()).Factories);
        }
        else
        {
            await Assert.ThrowsAsync<NotFoundException>(read);
        }
    }

    [Theory]
    [InlineData(25.0, 121.0, 25.02, 121.02, 640, 420, 40)]
    [InlineData(25.0, 121.0, 25.0, 121.03, 640, 420, 40)] // sites in a row east-west
    [InlineData(24.08, 120.40, 24.08, 120.40, 300, 300, 20)] // one site
    public void TheDrawnMap_FitsTheSitesInsideTheFrameWithItsMargin_AndCentresThem(double lat1, double lon1, double lat2, double lon2, double width, double height, double pad)
    {
        MapPoint[] points = [new(Guid.NewGuid(), "a", lat1, lon1, null), new(Guid.NewGuid(), "b", lat2, lon2, null)];

        var view = MapProjection.Fit(points, width, height, pad);
        var (x1, y1) = view.Project(lat1, lon1);
        var (x2, y2) = view.Project(lat2, lon2);

        Assert.All(new[] { x1, x2 }, x => Assert.InRange(x, pad - 0.1, width - pad + 0.1));
        Assert.All(new[] { y1, y2 }, y => Assert.InRange(y, pad - 0.1, height - pad + 0.1));
        Assert.Equal(width / 2, (x1 + x2) / 2, 0);
        Assert.Equal(height / 2, (y1 + y2) / 2, 0);
        Assert.True(lat2 <= lat1 || y2 < y1, "north is up");
        Assert.True(lon2 <= lon1 || x2 > x1, "east is right");
    }
}
