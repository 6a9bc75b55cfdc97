using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Reporting;

/// <summary>The anonymous KPI API: published parks and years only, park totals only, figures from fewer than 3 factories suppressed.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class PublicKpiApiTests(DemoAppFixture app, ITestOutputHelper output)
{
    /// <summary>Property names that would carry a party's confidential figures or identity.</summary>
    private static readonly string[] ConfidentialNames =
    [
        "factory", "factoryId", "factoryName", "supplyFactory", "demandFactory", "supplier", "buyer", "credits", "price", "cost", "priceNtd",
        "costNtd", "capex", "opex", "agreedQuantity", "predictedQuantity", "quantity", "flowM3PerDay", "supplierMonthlyNtd", "buyerMonthlyNtd",
        "netBenefitNtd", "evaluationJson", "contactName", "contactPhone", "contactEmail", "overdue", "filed", "lines", "waiting", "sankey",
    ];

    /// <summary>Figure keys that are one side's money, never public.</summary>
    private static readonly string[] ConfidentialKeys = ["savings.supplierNtd", "savings.buyerNtd", "savings.waterFeeNtd"];

    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task Anonymous_SeesTheDemoParksPublishedYear_WithNoConfidentialFieldOrFactoryName()
    {
        using var anonymous = app.Anonymous("zh-TW");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        var parks = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/parks");
        var kpis = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/parks/{park}/kpis");

        Assert.Contains(parks.EnumerateArray(), p => p.GetProperty("id").GetGuid() == park);
        Assert.Equal(LastYear, kpis.GetProperty("year").GetInt32());
        Assert.Equal("青溪工業區", kpis.GetProperty("nameZh").GetString());
        var factoryNames = (await app.AllFactoriesAsync()).SelectMany(f => new[] { f.NameZh, f.NameEn }).ToList();
        foreach (var json in new[] { parks, kpis })
        {
            foreach (var (name, value) in Walk(json))
            {
                Assert.DoesNotContain(name, ConfidentialNames, StringComparer.OrdinalIgnoreCase);
                if (value is { } text)
                {
                    Assert.DoesNotContain(text, ConfidentialKeys);
                    Assert.DoesNotContain(factoryNames, f => text.Contains(f, StringComparison.Ordinal));
                }
            }
        }

        foreach (var f in kpis.GetProperty("figures").EnumerateArray())
        {
            output.WriteLine($"{f.GetProperty("key")} = {f.GetProperty("value")} ({(f.GetProperty("suppressed").GetBoolean() ? "suppressed" : "shown")})");
        }
    }

    [Fact]
    public async Task PublicFigures_AreSuppressed_ExactlyWhenFewerThan3FactoriesContribute()
    {
        using var anonymous = app.Anonymous("en");
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        var open = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/parks/{park}/kpis");
        var full = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park}/kpis?period={LastYear}");

        var contributors = full.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("contributors").GetInt32());
        var figures = open.GetProperty("figures").EnumerateArray().ToList();
        Assert.NotEmpty(figures);
        foreach (var f in figures)
        {
            var key = f.GetProperty("key").GetString()!;
            var suppressed = f.GetProperty("suppressed").GetBoolean();
            Assert.Equal(contributors[key] < 3, suppressed);
            Assert.Equal(suppressed, f.GetProperty("value").ValueKind == JsonValueKind.Null);
        }

        // The demo's two agreed linkages join four factories, so the predicted figures are shown; in the last closed year only the water
        // link recorded measured months (two factories), so the measured figures are suppressed.
        bool Suppressed(string key) => figures.Single(f => f.GetProperty("key").GetString() == key).GetProperty("suppressed").GetBoolean();
        Assert.False(Suppressed("predicted.waterM3PerDay"));
        Assert.Equal(contributors["measured.waterM3"] < 3, Suppressed("measured.waterM3"));

        // Months are suppressed by their own contributors, never shown on the strength of the year's.
        foreach (var month in open.GetProperty("months").EnumerateArray())
        {
            var m = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park}/kpis?period={month.GetProperty("month").GetString()}");
            var co2e = m.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "emissions.co2eAvoidedTonnes");
            Assert.Equal(co2e.GetProperty("contributors").GetInt32() < 3, month.GetProperty("co2eAvoidedTonnes").ValueKind == JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task UnpublishedPark_Is404_AndAbsent_UntilAnAdministratorPublishesIt_AndGoneAgainWhenUnpublished()
    {
        using var anonymous = app.Anonymous("en");
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = (await app.FactoryNamedAsync("溪南鋼鐵股份有限公司")).ParkId;
        var year = LastYear.ToString(CultureInfo.InvariantCulture);

        using (var before = await anonymous.GetAsync($"/api/v1/public/parks/{park}/kpis"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (var published = await admin.PutAsync($"/api/v1/admin/parks/{park}/publications/{year}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        }

        try
        {
            var kpis = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/parks/{park}/kpis");
            Assert.Equal(LastYear, kpis.GetProperty("year").GetInt32());
            Assert.Contains((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/parks")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == park);
        }
        finally
        {
            using var removed = await admin.DeleteAsync($"/api/v1/admin/parks/{park}/publications/{year}");
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using var after = await anonymous.GetAsync($"/api/v1/public/parks/{park}/kpis");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.DoesNotContain((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/parks")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == park);
    }

    [Theory]
    [InlineData("next")]
    [InlineData("25")]
    [InlineData("9999")]
    public async Task Publishing_AnOpenOrMalformedYear_Is400NamingTheYear(string year)
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "zh-TW");
        var park = (await app.FactoryNamedAsync("溪南鋼鐵股份有限公司")).ParkId;

        using var response = await admin.PutAsync($"/api/v1/admin/parks/{park}/publications/{year}", null);

        Assert.Matches("[\u4e00-\u9fff]", (await ProblemDetailsAssert.ErrorsAsync(response))["year"].Single());
    }

    [Fact]
    public async Task PublicPages_RenderWithoutSignIn_AsPlainHtml()
    {
        using var anonymous = app.Anonymous("zh-TW");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        var list = await anonymous.GetStringAsync("/public");
        var page = await anonymous.GetStringAsync($"/public/parks/{park}");

        Assert.Contains("青溪工業區", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"public-figure\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("青溪工業區污水處理廠", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneAddress_BeyondItsRequestsPerMinute_Gets429WithRetryAfter()
    {
        using var anonymous = app.Anonymous("en");
        anonymous.DefaultRequestHeaders.Add(EcoParkFactory.ClientAddressHeader, "203.0.113.77");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= 120; i++)
        {
            using var response = await anonymous.GetAsync("/api/v1/public/parks");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.All(statuses.Take(120), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        using var elsewhere = app.Anonymous("en");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/public/parks")).StatusCode);
    }

    private static IEnumerable<(string Name, string? Value)> Walk(JsonElement element, string name = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    yield return (p.Name, null);
                    foreach (var inner in Walk(p.Value, p.Name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Walk(item, name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return (name, element.GetString());
                break;
        }
    }
}
