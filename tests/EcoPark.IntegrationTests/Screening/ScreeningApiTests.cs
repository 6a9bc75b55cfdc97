using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Matching;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Parks;
using EcoPark.Domain.Screening;
using EcoPark.Domain.Streams;
using EcoPark.Domain.Water;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Screening;

/// <summary>The park screening through the API on the demo data: hand-checked totals, derived factors, rule versions by date, and who may call it.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ScreeningApiTests(DemoAppFixture app)
{
    [Fact]
    public async Task Get_BriefingParks_HaveHandCheckedTotals_AndTheSaltyPlantNeedsDesalination()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");

        var parks = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/screening?date=2026-06-01");

        // 觀音: land 60 → 4×2; (5,000 + 10,000) ÷ 500 = 30 → 5×3; 2,000 → 4×3; 150 → 4×4; park spare 6,000 → 3×3; 桃園市 0; listed 1; 30 % → 3×1
        var guanyin = Park(parks!, "觀音工業區");
        Assert.Equal(8 + 15 + 12 + 16 + 9 + 0 + 1 + 3, guanyin.GetProperty("totalPoints").GetInt32());
        Assert.Equal(0, guanyin.GetProperty("unknownPoints").GetInt32());
        Assert.Equal([8, 15, 12, 16, 9, 0, 1, 3], guanyin.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("points").GetInt32()));
        Assert.Equal("needs-desalination", guanyin.GetProperty("secondScreen").GetProperty("verdict").GetString());
        Assert.Contains("conductivity-above-threshold", guanyin.GetProperty("secondScreen").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        // 臺南科技: 80 → 4×2; 4,000 ÷ 200 = 20 → 5×3; 800 → 3×3; 120 → 4×4; 12,000 → 4×3; 臺南市 3; listed 1; 25 % → 2×1
        var tainan = Park(parks!, "臺南科技工業區");
        Assert.Equal(8 + 15 + 9 + 16 + 12 + 3 + 1 + 2, tainan.GetProperty("totalPoints").GetInt32());
        Assert.Equal(1, tainan.GetProperty("rank").GetInt32());
        Assert.Equal("priority", Park(parks!, "林園工業區").GetProperty("secondScreen").GetProperty("verdict").GetString());
        var factor = guanyin.GetProperty("factors")[1];
        Assert.Equal(("waterPerFactoryArea", "m³/day/ha", "entered", 3), (factor.GetProperty("key").GetString(), factor.GetProperty("unit").GetString(),
            factor.GetProperty("source").GetString(), factor.GetProperty("weight").GetInt32()));
        Assert.Equal(Enumerable.Range(1, parks!.Length), parks.Select(p => p.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Get_SmallSeededPark_DerivesFactorsThreeAndEight_FromFilingsAndMatching_AndReportsTheRestAsUnknown()
    {
        var parkId = await SeedSmallParkAsync();
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");

        var park = Park((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/screening?date=2026-11-15"))!, parkId);

        var factors = park.GetProperty("factors").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        // caster 30,000 m³ (Sep) + 31,000 m³ (Oct) over 61 days → 365,000 m³/yr = 36.5 × 10⁴ m³/yr → < 100 → 0
        Assert.Equal(36.5m, factors["highWaterUse"].GetProperty("value").GetDecimal());
        Assert.Equal(("derived", "filings", 1, 1, 0), (factors["highWaterUse"].GetProperty("source").GetString(), factors["highWaterUse"].GetProperty("origin").GetString(),
            factors["highWaterUse"].GetProperty("basisCount").GetInt32(), factors["highWaterUse"].GetProperty("basisOf").GetInt32(),
            factors["highWaterUse"].GetProperty("score").GetInt32()));
        // the WWTP's effluent suits the caster's cooling water: 2 of 3 firms have a feasible candidate → 66.67 % → 5 × 1
        Assert.Equal(66.67m, factors["easyMatchShare"].GetProperty("value").GetDecimal());
        Assert.Equal(("derived", 5), (factors["easyMatchShare"].GetProperty("source").GetString(), factors["easyMatchShare"].GetProperty("points").GetInt32()));
        foreach (var key in new[] { "leasableLand", "waterPerFactoryArea", "expectedIncrease" })
        {
            Assert.Equal("missing", factors[key].GetProperty("source").GetString());
            Assert.Equal(JsonValueKind.Null, factors[key].GetProperty("points").ValueKind);
        }

        Assert.Equal((2 + 3 + 4) * 5, park.GetProperty("unknownPoints").GetInt32());
        // known: 0 (factor 3) + spare 2,500 → 2×3 + 花蓮縣 0 + not listed 0 + 5
        Assert.Equal(6 + 5, park.GetProperty("totalPoints").GetInt32());
    }

    [Fact]
    public async Task Get_HonoursTheRuleSetVersionInForceOnTheDate()
    {
        await using (var db = await Db().CreateAsync())
        {
            var v2 = ScreeningDefaults.Screening2019() with { Version = 2, EffectiveFrom = new DateOnly(2030, 1, 1), CountyWeight = 4 };
            db.ScreeningRuleSets.Add(new ScreeningRuleSetRecord(v2.Code, v2.Version, v2.EffectiveFrom, MatchingRules.Serialize(v2), "test: a later version", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var before = Park((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/screening?date=2029-12-31"))!, "林園工業區");
        var after = Park((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/screening?date=2030-01-01"))!, "林園工業區");

        Assert.Equal((1, 3), (before.GetProperty("ruleVersion").GetInt32(), before.GetProperty("factors")[5].GetProperty("points").GetInt32()));
        Assert.Equal((2, 12), (after.GetProperty("ruleVersion").GetInt32(), after.GetProperty("factors")[5].GetProperty("points").GetInt32()));
        Assert.Equal(before.GetProperty("totalPoints").GetInt32() + 9, after.GetProperty("totalPoints").GetInt32());
    }

    [Fact]
    public async Task Put_StaffOwnPark_AddsAVersion_KeepingTheFirst_AndStaffSeeOnlyTheirPark()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var qingxi = DemoParkId("青溪工業區");

        using var put = await staff.PutAsJsonAsync($"/api/v1/parks/{qingxi}/screening-inputs", new
        {
            asOf = "2026-03-01",
            leasableLandHa = 11,
            county = "台北市",
            lowTolerance = (bool?)null,
            source = "2026 park survey",
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var versions = await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/parks/{qingxi}/screening-inputs");
        Assert.True(versions!.Length >= 2);
        Assert.Equal("臺北市", versions[0].GetProperty("values").GetProperty("county").GetString());
        Assert.Equal(12, versions[^1].GetProperty("values").GetProperty("leasableLandHa").GetDecimal()); // the seeded first version, unchanged
        var seen = await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/screening?date=2026-06-01");
        var own = Assert.Single(seen!);
        Assert.Equal("2026 park survey", own.GetProperty("inputSource").GetString());
        Assert.Equal(11m, own.GetProperty("factors")[0].GetProperty("value").GetDecimal());
        var earlier = Assert.Single((await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/screening?date=2026-02-01"))!);
        Assert.Equal(12m, earlier.GetProperty("factors")[0].GetProperty("value").GetDecimal()); // the figures in use on that date
    }

    [Fact]
    public async Task Access_OnlyAdministratorsAndTheParksStaff()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        using var anonymous = app.Anonymous();
        var body = new { asOf = "2026-03-01", source = "x" };
        var xinan = DemoParkId("溪南工業區");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutAsJsonAsync($"/api/v1/parks/{xinan}/screening-inputs", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/parks/{xinan}/screening-inputs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PutAsJsonAsync($"/api/v1/parks/{xinan}/screening-inputs", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/v1/screening")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/screening")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/screening.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/screening")).StatusCode);
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/parks/{Guid.NewGuid()}/screening-inputs", body)).StatusCode);
        using var xlsx = await admin.GetAsync("/api/v1/screening.xlsx?date=2026-06-01");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2)); // a zip container, as .xlsx is
    }

    [Theory]
    [InlineData("leasableLandHa", -1)]
    [InlineData("tapHeadroomM3PerDay", 100_000_000)]
    [InlineData("leasableFactoryAreaHa", 0)]
    [InlineData("easyMatchSharePercent", 101)]
    [InlineData("wwtpConductivityUsCm", 300_000)]
    [InlineData("expectedIncrease10kM3PerYear", -2_000_000)]
    [InlineData("county", "火星市")]
    [InlineData("source", "")]
    [InlineData("source", "survey\u0007")]
    [InlineData("asOf", "2026-13-01")]
    [InlineData("asOf", "2999-01-01")]
    public async Task Put_BadField_Returns400NamingIt(string field, object value)
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "zh-TW");
        var body = new Dictionary<string, object?> { ["asOf"] = "2026-03-01", ["source"] = "survey", [field] = value };

        using var response = await admin.PutAsJsonAsync($"/api/v1/parks/{DemoParkId("溪南工業區")}/screening-inputs", body);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.DoesNotContain(errors[field], m => m.Contains("must", StringComparison.Ordinal)); // in the caller's language
    }

    [Theory]
    [InlineData("en", "Taoyuan City", "桃園市")]
    [InlineData("zh-TW", "桃園市", "Taoyuan City")]
    public async Task Put_UnknownCounty_IsRefusedListingTheCountiesInTheCallersLanguage(string language, string listed, string notListed)
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, language);
        var body = new Dictionary<string, object?> { ["asOf"] = "2026-03-01", ["source"] = "survey", ["county"] = "Atlantis" };

        using var response = await admin.PutAsJsonAsync($"/api/v1/parks/{DemoParkId("溪南工業區")}/screening-inputs", body);

        var message = Assert.Single((await ProblemDetailsAssert.ErrorsAsync(response))["county"]);
        Assert.Contains(listed, message, StringComparison.Ordinal);
        Assert.DoesNotContain(notListed, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BadDate_Returns400NamingTheDate()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");

        Assert.Contains("date", (await ProblemDetailsAssert.ErrorsAsync(await admin.GetAsync("/api/v1/screening?date=01-06-2026"))).Keys);
    }

    private static JsonElement Park(JsonElement[] parks, string nameZh) => parks.Single(p => p.GetProperty("nameZh").GetString() == nameZh);

    private static JsonElement Park(JsonElement[] parks, Guid id) => parks.Single(p => p.GetProperty("parkId").GetGuid() == id);

    private IEcoParkDbContextFactory Db() => app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>();

    private Guid DemoParkId(string nameZh)
    {
        using var scope = app.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IEcoParkDbContext>().Parks.Where(p => p.Name.Zh == nameZh).Select(p => p.Id).Single();
    }

    /// <summary>
    /// A park far from every other (Hualien) with a WWTP, an aluminium caster whose cooling water the WWTP's
    /// effluent meets as it is, and a food plant with no streams; the caster filed September and October.
    /// </summary>
    private async Task<Guid> SeedSmallParkAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var park = new Park(Guid.NewGuid(), new BilingualName("花東測試工業區", "Huadong Test Park"), "花蓮縣", new GeoPoint(23.98, 121.60),
            new CubicMetresPerDay(5_000), new CubicMetresPerDay(2_500));
        Factory Firm(string zh, Industry industry, double lon) => new(Guid.NewGuid(), park.Id, new FactoryDetails(new BilingualName(zh, zh), "花蓮縣測試路1號",
            UnifiedBusinessNumber.Parse(Ubn()), industry, industry == Industry.Wwtp ? "3700" : "2421", new GeoPoint(23.98, lon), new ContactPerson("測試", "03-000-0000", string.Empty)));
        var wwtp = Firm("花東污水廠", Industry.Wwtp, 121.600);
        var caster = Firm("花東鑄造", Industry.Metals, 121.601);
        var food = Firm("花東食品", Industry.Food, 121.602);
        var sampled = today.AddDays(-10);
        var effluent = new EffluentStream(Guid.NewGuid(), wwtp.Id, new EffluentDetails("放流水", 900, 1_000, 1_100, 7, 24,
        [
            new ParameterValue(WaterQuality.CodMgL, 18, ValueBasis.Lab, sampled), new ParameterValue(WaterQuality.SsMgL, 8, ValueBasis.Lab, sampled),
            new ParameterValue(WaterQuality.ConductivityUsCm, 2_500, ValueBasis.Online, sampled), new ParameterValue(WaterQuality.Ph, 7.4m, ValueBasis.Online, sampled),
        ], DischargeRoute.WaterBody, null, ConfidentialFields.All, null), today, Guid.Empty, now);
        var demand = new WaterDemand(Guid.NewGuid(), caster.Id, caster.Industry, new WaterDemandDetails("冷卻水", WaterUse.Process, 40,
        [
            new ParameterLimit(WaterQuality.Ph, null, 8), new ParameterLimit(WaterQuality.CodMgL, null, 20), new ParameterLimit(WaterQuality.SsMgL, null, 10),
            new ParameterLimit(WaterQuality.ConductivityUsCm, null, 3_000),
        ], true, false, [], 3_000, 15, 12.5m, ConfidentialFields.All, null), today, Guid.Empty, now);
        WaterBalanceFiling Filed(string period, decimal tap)
        {
            var filing = new WaterBalanceFiling(Guid.NewGuid(), caster.Id, FilingPeriod.Parse(period), new WaterBalance { TapM3 = tap, CoolingM3 = tap, EvaporationLossM3 = tap },
                Guid.Empty, now);
            filing.Submit(5, "test filing", Guid.Empty, now);
            return filing;
        }

        await using var db = await Db().CreateAsync();
        db.Parks.Add(park);
        db.Factories.AddRange(wwtp, caster, food);
        db.EffluentStreams.Add(effluent);
        db.WaterDemands.Add(demand);
        db.WaterBalanceFilings.AddRange(Filed("2026-09", 30_000), Filed("2026-10", 31_000), Filed("2025-06", 999_999));
        await db.SaveChangesAsync();
        return park.Id;
    }

    /// <summary>A valid business number no demo factory uses.</summary>
    private static string Ubn()
    {
        while (true)
        {
            var candidate = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (UnifiedBusinessNumber.IsValid(candidate))
            {
                return candidate;
            }
        }
    }
}
