using System.Net;
using System.Net.Http.Json;
using EcoPark.Application.Factories;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Authorization;

/// <summary>
/// Each role × (own factory / another factory in the same park / a factory in another park) × (read /
/// write), through the API. "Own" is the engineer's factory, which lies in the staff member's park.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class FactoryAuthorizationMatrixTests(DemoAppFixture app)
{
    private const string Own = "永彩染整股份有限公司";
    private const string SamePark = "青溪紡織股份有限公司";
    private const string OtherPark = "溪南鋼鐵股份有限公司";

    public static TheoryData<string, string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        void Add(string account, HttpStatusCode own, HttpStatusCode samePark, HttpStatusCode otherPark, string operation)
        {
            data.Add(account, Own, operation, own);
            data.Add(account, SamePark, operation, samePark);
            data.Add(account, OtherPark, operation, otherPark);
        }

        const HttpStatusCode ok = HttpStatusCode.OK, hidden = HttpStatusCode.NotFound, forbidden = HttpStatusCode.Forbidden;
        Add(DemoAccounts.Administrator.Email, ok, ok, ok, "read");
        Add(DemoAccounts.Administrator.Email, ok, ok, ok, "write");
        Add(DemoAccounts.Staff.Email, ok, ok, hidden, "read");
        Add(DemoAccounts.Staff.Email, ok, ok, hidden, "write");
        Add(DemoAccounts.Engineer.Email, ok, hidden, hidden, "read");
        Add(DemoAccounts.Engineer.Email, ok, hidden, hidden, "write");
        Add(DemoAccounts.Auditor.Email, ok, ok, ok, "read");
        Add(DemoAccounts.Auditor.Email, forbidden, forbidden, forbidden, "write");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Factory_AccessByRoleAndScope_MatchesTheRules(string account, string factoryName, string operation, HttpStatusCode expected)
    {
        var factory = await app.FactoryNamedAsync(factoryName);
        using var client = await app.SignedInAsync(account);

        using var response = operation == "read"
            ? await client.GetAsync($"/api/v1/factories/{factory.Id}")
            : await client.PutAsJsonAsync($"/api/v1/factories/{factory.Id}", WithContact(factory, $"{account} 測試"));

        Assert.Equal(expected, response.StatusCode);
        var after = await app.FactoryNamedAsync(factoryName);
        if (operation == "write" && expected == HttpStatusCode.OK)
        {
            Assert.Equal($"{account} 測試", after.ContactName);
        }
        else if (operation == "write")
        {
            Assert.Equal(factory.ContactName, after.ContactName); // a refused write leaves the record as it was
        }
    }

    [Theory]
    [InlineData("admin@demo.ecopark.tw", "every park")]
    [InlineData("auditor@demo.ecopark.tw", "every park")]
    [InlineData("staff@demo.ecopark.tw", "青溪工業區")]
    [InlineData("engineer@demo.ecopark.tw", "own factory")]
    public async Task ListFactories_ReturnsExactlyWhatTheCallerMaySee(string account, string scope)
    {
        using var client = await app.SignedInAsync(account);

        var listed = (await client.GetFromJsonAsync<List<FactoryDto>>("/api/v1/factories"))!.Select(f => f.Id).Order().ToList();

        var expected = scope switch
        {
            "every park" => await app.FactoryIdsInDatabaseAsync(),
            "own factory" => [(await app.FactoryNamedAsync(Own)).Id],
            _ => await app.FactoryIdsInDatabaseAsync(parkNameZh: scope),
        };
        Assert.Equal(expected.Order(), listed);
    }

    [Fact]
    public async Task ListFactories_AsStaff_ContainsNoFactoryOfAnotherPark()
    {
        using var client = await app.SignedInAsync(DemoAccounts.Staff.Email);
        var staffPark = (await app.FactoryNamedAsync(Own)).ParkId;

        var factories = await client.GetFromJsonAsync<List<FactoryDto>>("/api/v1/factories");

        Assert.All(factories!, f => Assert.Equal(staffPark, f.ParkId));
    }

    [Fact]
    public async Task Api_WithoutToken_Returns401()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/api/v1/factories");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RegisterFactory_AsEngineer_IsForbidden()
    {
        using var client = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        var template = (await app.FactoryNamedAsync(Own)).ToInput();
        template.NameZh = "工程師不可新增的工廠";
        template.UnifiedBusinessNumber = "04595257";

        using var response = await client.PostAsJsonAsync("/api/v1/factories", template);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(await app.AllFactoriesAsync(), f => f.NameZh == template.NameZh);
    }

    private static FactoryInput WithContact(FactoryDto factory, string contactName)
    {
        var input = factory.ToInput();
        input.ContactName = contactName;
        return input;
    }
}
