using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Factories;
using EcoPark.Application.Workbooks;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;

namespace EcoPark.IntegrationTests.Races;

/// <summary>
/// Each unique rule under two simultaneous requests: exactly one succeeds, and the other gets the answer a
/// sequential duplicate gets (never two records, never a 500). Each race is run a few times with fresh data.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class UniqueRuleRaceTests(DemoAppFixture app)
{
    private const int Rounds = 4;

    [Fact]
    public async Task TwoStaffTakingUpTheSamePairAtOnce_OpenOneMatch_AndTheOtherGetsTheAlreadyOpenRefusal()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var wwtp = await app.FactoryNamedAsync("青溪工業區污水處理廠");
        var caster = await app.FactoryNamedAsync("鋁鑫金屬股份有限公司");
        var supply = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/factories/{wwtp.Id}/effluent-streams"))![0].GetProperty("id").GetGuid();
        for (var round = 0; round < Rounds; round++)
        {
            using var created = await staff.PostAsJsonAsync($"/api/v1/factories/{caster.Id}/water-demands",
                new { name = $"Race demand {Guid.NewGuid():N}", use = "cooling", flowM3PerDay = 5, reclaimedAllowed = true });
            var demand = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var body = new { supplyStreamId = supply, demandStreamId = demand };

            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                using var client = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
                return await client.PostAsJsonAsync("/api/v1/matches", body);
            }));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created);
            Assert.Contains("already being followed", (await ProblemDetailsAssert.ErrorsAsync(loser))["demandStreamId"][0], StringComparison.Ordinal);
            var open = await staff.GetStringAsync($"/api/v1/matches?parkId={wwtp.ParkId}");
            Assert.Single(JsonDocument.Parse(open).RootElement.EnumerateArray(), m => m.GetProperty("demandStreamId").GetGuid() == demand);
        }
    }

    [Fact]
    public async Task TwoRegistrationsOfOneBusinessNumberAtOneAddress_InTwoParksAtOnce_RegisterOneFactory()
    {
        var parks = (await app.AllFactoriesAsync()).Select(f => f.ParkId).Distinct().ToArray();
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        for (var round = 0; round < Rounds; round++)
        {
            var ubn = TestFactories.NextBusinessNumber();
            var address = $"桃園市觀音區競速路{Guid.NewGuid():N}號";

            var answers = await Task.WhenAll(parks.Take(2).Select(park => admin.PostAsJsonAsync("/api/v1/factories", Input(park, $"競速{Guid.NewGuid():N}", ubn, address))));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created);
            Assert.Contains("already registered at this address", (await ProblemDetailsAssert.ErrorsAsync(loser))["unifiedBusinessNumber"][0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoRegistrationsOfOneNameInOnePark_WithDifferentBusinessNumbersAtOnce_RegisterOneFactory()
    {
        var park = (await app.FactoryNamedAsync("永彩染整股份有限公司")).ParkId;
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        for (var round = 0; round < Rounds; round++)
        {
            var name = $"同名競速{Guid.NewGuid():N}";

            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                admin.PostAsJsonAsync("/api/v1/factories", Input(park, name, TestFactories.NextBusinessNumber(), $"桃園市觀音區競速路{Guid.NewGuid():N}號"))));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created);
            Assert.Contains("already registered in this park", (await ProblemDetailsAssert.ErrorsAsync(loser))["nameZh"][0], StringComparison.Ordinal);
            Assert.Single(await app.AllFactoriesAsync(), f => f.NameZh == name);
        }
    }

    /// <summary>
    /// Two imports of the same new names at once: whichever saves second gets the name problem a sequential import
    /// gets for a name that exists (or, when it read after the first committed, updates them). Never a 500.
    /// </summary>
    [Fact]
    public async Task TwoImportsCreatingTheSameNewStreamsAtOnce_NeverFail_AndTheLoserGetsTheNameProblem()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("永彩染整股份有限公司")).ParkId;
        using var registered = await staff.PostAsJsonAsync("/api/v1/factories", Input(park, $"匯入競速{Guid.NewGuid():N}", TestFactories.NextBusinessNumber(), $"桃園市觀音區匯入路{Guid.NewGuid():N}號"));
        var factory = (await registered.Content.ReadFromJsonAsync<FactoryDto>())!;
        for (var round = 0; round < Rounds; round++)
        {
            var sheets = SyntheticWorkbook.Sheets(prefix: $"Race {round}", outlets: 6, demands: 6);
            if (round > 0)
            {
                sheets[WorkbookLayout.Balance.Name].Clear(); // the first round also races the new month's filing
            }

            var workbook = SyntheticWorkbook.Bytes(sheets);

            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                using var client = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
                var file = new ByteArrayContent(workbook);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                using var form = new MultipartFormDataContent { { file, "file", "race.xlsx" } };
                var response = await client.PostAsync($"/api/v1/factories/{factory.Id}/workbook", form);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }));

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)a.StatusCode}: {a.Body}"));
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
            foreach (var (_, body) in answers.Where(a => a.StatusCode == HttpStatusCode.BadRequest))
            {
                var problems = JsonDocument.Parse(body).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
                Assert.Contains(problems, p => p.Contains($"already has an entry named “Race {round} outlet 01”", StringComparison.Ordinal) || p.Contains("already filed", StringComparison.Ordinal)); // the loser meets the winner's names or its filed period first
            }

            var outlets = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/factories/{factory.Id}/effluent-streams")).RootElement;
            Assert.Equal(6 * (round + 1), outlets.GetArrayLength());
        }

    }

    private static FactoryInput Input(Guid park, string nameZh, string ubn, string address) => TestFactories.Input(park, nameZh, ubn, address);
}
