using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Fees;

/// <summary>An auditor runs a fee year through the API: volumes, claims, evidence, calculation, decision, notice, re-examination.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class FeeCaseApiTests(DemoAppFixture app)
{
    [Fact]
    public async Task FeeCase_FromOpeningToNotice_KeepsEveryStepInTheAuditTrail()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var factory = await app.FactoryNamedAsync("恆信化工股份有限公司");
        var id = await OpenAsync(auditor, factory.Id, 2026);

        for (var i = 0; i < 6; i++)
        {
            await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = new DateOnly(2025, 11, 1).AddMonths(i).ToString("yyyy-MM"), tapM3 = 30_000 }));
        }

        // Changing a month that has figures needs a reason.
        var noReason = await auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2025-11", tapM3 = 31_000 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2025-11", tapM3 = 30_000, reason = "Water bill re-read" }));

        // 72 % verified: within the chemicals range of the demo benchmarks (70–85 %).
        await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/verification", new { issuer = "示範驗證機構", issuedOn = "2026-03-01", verifiedRatePercent = 72 }));
        var accepted = await ClaimAsync(auditor, id, "pollutionFee", 20_000);
        var rejected = await ClaimAsync(auditor, id, "article8", 50_000);
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims/{accepted}/decision", new { accept = true, comment = "Receipts match" }));
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims/{rejected}/decision", new { accept = false, comment = "No approval letter" }));

        var calculation = await JsonAsync(await auditor.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));
        Assert.Equal(252_000 - 20_000, calculation.GetProperty("netFeeNtd").GetDecimal()); // within → 2 NTD/m³; only the accepted claim counts
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/decide", null));

        var decided = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"));
        Assert.Equal("Decided", decided.GetProperty("status").GetString());
        Assert.Equal("within", decided.GetProperty("recyclingRate").GetString());
        var actions = decided.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["opened", "month-set", "month-set", "month-set", "month-set", "month-set", "month-set", "month-set", "verification-recorded",
            "claim-added", "claim-added", "claim-accepted", "claim-rejected", "calculated", "decided"], actions);
        Assert.All(decided.GetProperty("audit").EnumerateArray(), a => Assert.Equal(DemoAccounts.Auditor.Email, a.GetProperty("userEmail").GetString()));

        var notice = await auditor.GetStringAsync($"/api/v1/fee-cases/{id}/notice");
        Assert.Contains("232,000", notice, StringComparison.Ordinal);
        Assert.Contains("恆信化工股份有限公司", notice, StringComparison.Ordinal);
        using var xlsx = await auditor.GetAsync($"/api/v1/fee-cases/{id}/notice.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task DecidedCase_IsImmutable_AndReexaminationOpensTheNextVersion()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var factory = await app.FactoryNamedAsync("晶拓半導體股份有限公司");
        var id = await OpenAsync(auditor, factory.Id, 2026);
        await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2026-01", tapM3 = 20_000 }));
        await ConfirmEmptyMonthsZeroAsync(auditor, id);
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/decide", null));

        using var change = await auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2026-02", tapM3 = 20_000 });
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("decided case cannot change", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var lateEvidence = await UploadAsync(auditor, id, "late.pdf", "%PDF-1.4"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, lateEvidence.StatusCode);

        using var reexamination = await auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/re-examinations", new { reason = "Payer disputes the January volume" });
        Assert.Equal(HttpStatusCode.Created, reexamination.StatusCode);
        var next = (await reexamination.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var nextCase = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{next}"));
        var oldCase = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"));
        Assert.Equal(2, nextCase.GetProperty("caseVersion").GetInt32());
        Assert.Equal("Open", nextCase.GetProperty("status").GetString());
        Assert.Equal("Superseded", oldCase.GetProperty("status").GetString());
        Assert.Equal(oldCase.GetProperty("noticeNumber").GetString(), (await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"))).GetProperty("noticeNumber").GetString());
    }

    [Fact]
    public async Task Reexamination_OfACaseWithEveryPart_CopiesMonthsVerificationClaimsApprovalsAndEvidence()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var id = await OpenAsync(auditor, (await app.FactoryNamedAsync("青溪紙業股份有限公司")).Id, 2025);
        await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2024-11", tapM3 = 25_000 }));
        await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/verification", new { issuer = "示範驗證機構", issuedOn = "2025-03-01", verifiedRatePercent = 72 }));
        var plain = await ClaimAsync(auditor, id, "pollutionFee", 2_000);
        var offset = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims",
            new { kind = "investmentOffset", note = "RO line", approvalNumber = "WRA-2025-077", approvedCostNtd = 40_000, firstFeeYear = 2025, offsetYears = 2 })))
            .GetProperty("id").GetGuid();
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims/{plain}/decision", new { accept = true, comment = "receipts" }));
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims/{offset}/decision", new { accept = true, comment = "approved" }));
        var statement = "%PDF-1.4 verification statement"u8.ToArray();
        await Ok(UploadAsync(auditor, id, "statement.pdf", statement));
        await Ok(UploadAsync(auditor, id, "approval.pdf", "%PDF-1.4 approval letter"u8.ToArray(), offset));
        await ConfirmEmptyMonthsZeroAsync(auditor, id);
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/decide", null));
        var before = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"));

        using var reexamination = await auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/re-examinations", new { reason = "Payer disputes the verification" });

        Assert.Equal(HttpStatusCode.Created, reexamination.StatusCode);
        var next = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{(await reexamination.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}"));
        var after = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"));
        foreach (var part in new[] { "months", "verification", "recyclingRate" })
        {
            Assert.Equal(before.GetProperty(part).GetRawText(), next.GetProperty(part).GetRawText());
            Assert.Equal(before.GetProperty(part).GetRawText(), after.GetProperty(part).GetRawText()); // the decided version keeps its parts
        }

        static string Claims(JsonElement c) => string.Join(";", c.GetProperty("claims").EnumerateArray()
            .Select(x => $"{x.GetProperty("kind")}|{x.GetProperty("amount")}|{x.GetProperty("note")}|{(x.TryGetProperty("approvalNumber", out var a) ? a.ToString() : "")}"));
        Assert.Equal(Claims(before), Claims(next));
        Assert.Equal(Claims(before), Claims(after));
        Assert.Equal(2, after.GetProperty("evidence").GetArrayLength());
        var copied = next.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(["approval.pdf", "statement.pdf"], copied.Select(e => e.GetProperty("fileName").GetString()).Order());
        var offsetCopy = next.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "InvestmentOffset").GetProperty("id").GetGuid();
        Assert.Equal(offsetCopy, copied.Single(e => e.GetProperty("fileName").GetString() == "approval.pdf").GetProperty("claimId").GetGuid());
        var statementCopy = copied.Single(e => e.GetProperty("fileName").GetString() == "statement.pdf");
        Assert.Equal(statement, await auditor.GetByteArrayAsync($"/api/v1/fee-cases/{next.GetProperty("id").GetGuid()}/evidence/{statementCopy.GetProperty("id").GetGuid()}"));
    }

    [Fact]
    public async Task FirstFeeYear_WindowStartsWithTheRegulation_AndAVerificationAfterTodayIsRefusedInTheCallersLanguage()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "zh-TW");
        var id = await OpenAsync(auditor, (await app.FactoryNamedAsync("聯盛特用化學股份有限公司")).Id, 2023);

        var feeCase = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"));
        using var beforeRegulation = await auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2023-01", tapM3 = 30_000 });
        using var future = await auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/verification",
            new { issuer = "示範驗證機構", issuedOn = DateOnly.FromDateTime(DateTime.Today.AddDays(5)).ToString("yyyy-MM-dd"), verifiedRatePercent = 72 });
        using var noDate = await auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/verification", new { issuer = "示範驗證機構", verifiedRatePercent = 72 });

        // The regulation took effect on 2023-02-01: the 2023 window is February to April.
        Assert.Equal(["2023-02", "2023-03", "2023-04"], feeCase.GetProperty("windowMonths").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, beforeRegulation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("查證日期不可晚於今天。", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missingDate = await noDate.Content.ReadAsStringAsync();
        Assert.Contains("請填寫查證日期。", missingDate, StringComparison.Ordinal);
        Assert.DoesNotContain("Null", missingDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithPendingClaim_IsRefused()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var id = await OpenAsync(auditor, (await app.FactoryNamedAsync("青溪紙業股份有限公司")).Id, 2026);
        await ClaimAsync(auditor, id, "pollutionFee", 1_000);
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));

        using var decide = await auditor.PostAsync($"/api/v1/fee-cases/{id}/decide", null);

        Assert.Equal(HttpStatusCode.BadRequest, decide.StatusCode);
        Assert.Contains("Accept or reject every claim", await decide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_IsStoredWithItsChecksum_AndDisallowedTypesAreRefused()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var id = await OpenAsync(auditor, (await app.FactoryNamedAsync("禾豐食品股份有限公司")).Id, 2026);
        var pdf = "%PDF-1.4\n% test statement\n"u8.ToArray();

        var stored = await UploadAsync(auditor, id, "statement.pdf", pdf);
        var renamedExe = await UploadAsync(auditor, id, "statement.pdf", "MZ\u0090\u0000"u8.ToArray());
        var script = await UploadAsync(auditor, id, "run.sh", "#!/bin/sh"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, renamedExe.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        var evidence = (await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"))).GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), evidence.GetProperty("sha256").GetString());
        Assert.Equal(pdf, await auditor.GetByteArrayAsync($"/api/v1/fee-cases/{id}/evidence/{evidence.GetProperty("id").GetGuid()}"));
    }

    [Fact]
    public async Task Calculation_IsShownInTheReadersLanguage_NotTheCalculatorsLanguage()
    {
        using var english = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        using var chinese = await app.SignedInAsync(DemoAccounts.Auditor.Email, "zh-TW");
        var id = await OpenAsync(english, (await app.FactoryNamedAsync("清泉飲料股份有限公司")).Id, 2026);
        await Ok(english.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2026-02", tapM3 = 20_000 }));
        await Ok(english.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));

        var step = (await JsonAsync(await chinese.GetAsync($"/api/v1/fee-cases/{id}"))).GetProperty("calculation").GetProperty("steps")[0];

        Assert.Equal("自來水、地面水及其他供水費", step.GetProperty("label").GetString());
        Assert.Equal("每月超過 9,000 m³ 部分：11,000 m³ × 每度 3 元", step.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenCase_PrefillsMonthsFromSubmittedMonthlyFilings()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email);
        var factory = await app.FactoryNamedAsync("鋁鑫金屬股份有限公司");
        foreach (var (period, tap, submit) in new[] { ("2025-11", 12_000m, true), ("2025-12", 13_000m, true), ("2026-01", 14_000m, false) })
        {
            var body = new
            {
                period,
                submit,
                intake = new { tapM3 = tap, groundwaterM3 = 500 },
                uses = new { processM3 = tap + 500 },
                outflows = new { sewerM3 = tap + 500 },
            };
            using var filed = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", body);
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email);
        var id = await OpenAsync(auditor, factory.Id, 2026);

        var months = (await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"))).GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2025-11", "2025-12"], months.Select(m => m.GetProperty("month").GetString())); // the draft for January is not used
        Assert.Equal([12_000m, 13_000m], months.Select(m => m.GetProperty("tapM3").GetDecimal()));
        Assert.All(months, m => Assert.Equal("filing", m.GetProperty("source").GetString()));
        Assert.All(months, m => Assert.Equal(500, m.GetProperty("groundwaterM3").GetDecimal()));
    }

    [Fact]
    public async Task InvestmentOffset_IsTrackedPerApprovalAcrossFeeYears()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var factory = (await app.FactoryNamedAsync("聯盛特用化學股份有限公司")).Id;
        var approval = new { kind = "investmentOffset", note = "RO line", approvalNumber = "WRA-2025-001", approvedCostNtd = 100_000, firstFeeYear = 2025, offsetYears = 2 };

        // 2025: ½ × 100,000 over 2 years = 25,000 a year.
        var first = await OpenAsync(auditor, factory, 2025);
        var firstClaim = (await JsonAsync(await auditor.PostAsJsonAsync($"/api/v1/fee-cases/{first}/claims", approval))).GetProperty("id").GetGuid();
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{first}/claims/{firstClaim}/decision", new { accept = true, comment = "approved" }));
        await ConfirmEmptyMonthsZeroAsync(auditor, first);
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{first}/calculate", null));
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{first}/decide", null));

        var second = await OpenAsync(auditor, factory, 2026);
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{second}/claims", approval));
        var third = await OpenAsync(auditor, factory, 2027);
        using var exhausted = await auditor.PostAsJsonAsync($"/api/v1/fee-cases/{third}/claims", approval);

        var firstAmount = (await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{first}"))).GetProperty("claims")[0].GetProperty("amount").GetDecimal();
        var secondAmount = (await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{second}"))).GetProperty("claims")[0].GetProperty("amount").GetDecimal();
        Assert.Equal(25_000, firstAmount);
        Assert.Equal(25_000, secondAmount);
        Assert.Equal(HttpStatusCode.BadRequest, exhausted.StatusCode);
        Assert.Contains("nothing left to offset", await exhausted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithEmptyWindowMonths_IsRefusedNamingThem_UntilEachIsConfirmedZero()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var id = await OpenAsync(auditor, (await app.FactoryNamedAsync("禾豐食品股份有限公司")).Id, 2024);
        await Ok(auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2023-11", tapM3 = 30_000 }));
        var reclaimed = await ClaimAsync(auditor, id, "reclaimedWater", 12_000);
        await Ok(auditor.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims/{reclaimed}/decision", new { accept = true, comment = "meter readings" }));

        var calculation = await JsonAsync(await auditor.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));
        using var refused = await auditor.PostAsync($"/api/v1/fee-cases/{id}/decide", null);

        Assert.Equal(["2023-12", "2024-01", "2024-02", "2024-03", "2024-04"], calculation.GetProperty("missingMonths").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("2023-12, 2024-01", calculation.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(calculation.GetProperty("decidable").GetBoolean());
        // The accepted claim of 12,000 m³ changed nothing, and says why: the reduction table is not entered.
        var effect = calculation.GetProperty("claimEffects")[0];
        Assert.Equal(("ReclaimedWater", 0m, "reclaimed-table-empty"),
            (effect.GetProperty("kind").GetString(), effect.GetProperty("effectNtd").GetDecimal(), effect.GetProperty("noEffectReason").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2023-12, 2024-01, 2024-02, 2024-03, 2024-04", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var zeroWithVolume = await auditor.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month = "2023-12", tapM3 = 5, confirmedZero = true });
        Assert.Equal(HttpStatusCode.BadRequest, zeroWithVolume.StatusCode);
        await ConfirmEmptyMonthsZeroAsync(auditor, id);
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/calculate", null));
        await Ok(auditor.PostAsync($"/api/v1/fee-cases/{id}/decide", null));

        var decided = await JsonAsync(await auditor.GetAsync($"/api/v1/fee-cases/{id}"));
        Assert.Equal(5, decided.GetProperty("months").EnumerateArray().Count(m => m.GetProperty("confirmedZero").GetBoolean()));
        var notice = await auditor.GetStringAsync($"/api/v1/fee-cases/{id}/notice");
        Assert.Contains("notice-reduction", notice, StringComparison.Ordinal);
        Assert.Contains("reduction table", notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff@demo.ecopark.tw")]
    [InlineData("engineer@demo.ecopark.tw")]
    public async Task FeeCases_AreForAuditorsOnly(string account)
    {
        using var client = await app.SignedInAsync(account);
        var factory = await app.FactoryNamedAsync("永彩染整股份有限公司");

        using var open = await client.PostAsJsonAsync("/api/v1/fee-cases", new { factoryId = factory.Id, feeYear = 2025, payerCategory = "business" });
        using var list = await client.GetAsync("/api/v1/fee-cases");

        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    private static async Task<Guid> OpenAsync(HttpClient client, Guid factoryId, int feeYear)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/fee-cases", new { factoryId, feeYear, payerCategory = "business" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Confirms every window month that has no figures as zero, as an auditor does for months without use.</summary>
    private static async Task ConfirmEmptyMonthsZeroAsync(HttpClient client, Guid id)
    {
        var feeCase = await JsonAsync(await client.GetAsync($"/api/v1/fee-cases/{id}"));
        var filled = feeCase.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()).ToHashSet();
        foreach (var month in feeCase.GetProperty("windowMonths").EnumerateArray().Select(m => m.GetString()).Where(m => !filled.Contains(m)))
        {
            await Ok(client.PutAsJsonAsync($"/api/v1/fee-cases/{id}/months", new { month, confirmedZero = true }));
        }
    }

    private static async Task<Guid> ClaimAsync(HttpClient client, Guid id, string kind, decimal amount) =>
        (await JsonAsync(await client.PostAsJsonAsync($"/api/v1/fee-cases/{id}/claims", new { kind, amount, note = "test" }))).GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string fileName, byte[] content, Guid? claimId = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("VerificationStatement"), "kind");
        if (claimId is { } claim)
        {
            form.Add(new StringContent(claim.ToString()), "claimId");
        }

        return await client.PostAsync($"/api/v1/fee-cases/{id}/evidence", form);
    }

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }
}
