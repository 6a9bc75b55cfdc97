using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Hardening;

/// <summary>
/// Generated hostile requests across the write endpoints, on a demo app of its own (the fuzz creates
/// records other tests would count). Fixed seed; set ECOPARK_FUZZ_SEED to replay or vary it. Any 5xx fails
/// the test with the seed and the request that caused it.
/// </summary>
public sealed class HostileRequestFuzzTests(DemoAppFixture app, ITestOutputHelper output) : IClassFixture<DemoAppFixture>
{
    private const int DefaultSeed = 20261201;
    private const int Requests = 2_400;

    /// <summary>Values that have broken parsers, validators, columns or headers before.</summary>
    private static readonly string[] HostileTokens =
    [
        "null", "\"\"", "true", "[]", "{}", "[null]", "0", "-1", "1e28", "-1e28", "1e29", "1e308", "-1e308", "79228162514264337593543950335",
        "0.0000000000000000000000000001", "99999999999", "-99999999999", "2147483648", "NaN", "Infinity", "\"NaN\"", "\"1e29\"",
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u001b[31mred\"", "\"\\ud800\"", "\"\\udc00x\"", "\"二〇九九年版\"", "\"<script>alert(1)</script>\"",
        "\"2025-13-45\"", "\"9999-99\"", "\"../../etc/passwd\"", "\"%00\"", "\"" + new string('x', 5_000) + "\"", "\"" + new string('長', 100_001) + "\"",
        "{\"a\":null}", "[1,2,3]", "\"00000000-0000-0000-0000-000000000000\"",
    ];

    private static readonly string[] MalformedBodies =
    [
        "", "{", "}", "[", "nul", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "\u0000", "\"just a string\"", "42", "null", "[]",
        new string('[', 2_000) + new string(']', 2_000), "{\"a\":" + new string('{', 500) + new string('}', 500) + "}", "\uFEFF{}", "{\"a\":1}{\"b\":2}",
    ];

    private sealed record Target(string Method, string Url, HttpClient Client, Func<Random, HttpContent> Body, string Kind);

    [Fact]
    public async Task HostileRequestsAcrossTheWriteEndpoints_NeverGetAServerError()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ECOPARK_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        output.WriteLine($"fuzz seed {seed}, {Requests} requests");
        var random = new Random(seed);
        var targets = await TargetsAsync();
        var histogram = new SortedDictionary<int, int>();
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Requests; i++)
        {
            var target = targets[random.Next(targets.Count)];
            using var content = target.Body(random);
            var described = await DescribeAsync(target, content);
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = content };
            using var response = await target.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            histogram[status] = histogram.GetValueOrDefault(status) + 1;
            byKind[target.Kind] = byKind.GetValueOrDefault(target.Kind) + 1;
            if (status >= 500)
            {
                var answer = await response.Content.ReadAsStringAsync();
                failures.Add($"request #{i} (seed {seed}): {described}\n  → {status} {answer[..Math.Min(answer.Length, 600)]}");
            }
        }

        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine("status histogram: " + string.Join(", ", histogram.Select(h => $"{h.Key}: {h.Value}")));
        output.WriteLine("by target: " + string.Join(", ", byKind.Select(k => $"{k.Key}: {k.Value}")));
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} server errors; the first:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the fuzz took {clock.Elapsed}");
    }

    private async Task<List<Target>> TargetsAsync()
    {
        using var setup = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "zh-TW");
        var anonymous = app.Anonymous("en");
        var factory = await app.FactoryNamedAsync("永彩染整股份有限公司");
        var streams = $"/api/v1/factories/{factory.Id}";
        var stream = await (await InputBoundsTests.PostJsonAsync(setup, $"{streams}/effluent-streams", InputBoundsTests.Effluent("Fuzz base outlet")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var streamId = stream.GetProperty("id").GetGuid();
        var filing = await (await InputBoundsTests.PostJsonAsync(setup, $"{streams}/water-balances", InputBoundsTests.Filing("2023-01")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var filingId = filing.GetProperty("id").GetGuid();
        var opened = await (await auditor.PostAsJsonAsync("/api/v1/fee-cases", new { factoryId = factory.Id, feeYear = 2025, payerCategory = "business" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var caseId = opened.GetProperty("id").GetGuid();
        var parks = await admin.GetFromJsonAsync<JsonElement>("/api/v1/parks");
        var parkId = parks[0].GetProperty("id").GetGuid();
        var workbook = SyntheticWorkbook.Bytes(SyntheticWorkbook.Sheets(prefix: "Fuzz", outlets: 2, demands: 1));

        Target Json(string method, string url, HttpClient client, string body, string kind) =>
            new(method, url, client, r => JsonBody(r, body), kind);

        return
        [
            Json("POST", $"{streams}/water-balances", engineer, InputBoundsTests.Filing("2024-05"), "filing"),
            Json("PUT", $"{streams}/water-balances/{filingId}", engineer, $$"""{"balance":{{InputBoundsTests.Filing("2023-01")}},"rowVersion":1}""", "filing-edit"),
            Json("POST", $"{streams}/water-balances/{filingId}/amendments", engineer,
                $$"""{"balance":{{InputBoundsTests.Filing("2023-01")}},"rowVersion":1,"reason":"fuzz"}""", "filing-amend"),
            Json("POST", $"{streams}/effluent-streams", engineer, InputBoundsTests.Effluent("Fuzz outlet"), "effluent"),
            Json("PUT", $"{streams}/effluent-streams/{streamId}", engineer, InputBoundsTests.Effluent("Fuzz base outlet"), "effluent-edit"),
            Json("POST", $"{streams}/water-demands", engineer,
                """{"name":"Fuzz need","use":"cooling","flowM3PerDay":50,"limits":[{"key":"ph","min":6,"max":8.5}],"currentWaterQuality":[],"maxPipeDistanceM":3000}""",
                "demand"),
            Json("POST", $"{streams}/heat-streams", engineer,
                """{"name":"Fuzz heat","direction":"supply","medium":"steam","supplyTemperatureC":180,"returnTemperatureC":90,"loadKw":500,"steamPressureBarG":8,"currentFuel":"naturalGas"}""",
                "heat"),
            Json("POST", $"{streams}/byproduct-streams", engineer, InputBoundsTests.Byproduct("Fuzz sludge", "[]"), "byproduct"),
            Json("POST", $"{streams}/byproduct-streams", engineer, InputBoundsTests.Byproduct("Fuzz need sludge", "[\"D-0902\"]", direction: "demand"), "byproduct"),
            Json("POST", "/api/v1/fees/calculate", engineer, InputBoundsTests.Fee(factory.Id, "1000", "0"), "fee-calculate"),
            Json("POST", "/api/v1/matching/water/evaluate", engineer,
                """{"supply":{"flowM3PerDay":3500,"industry":"electronics","latitude":24.99,"longitude":121.45,"quality":{"codMgL":85}},"demand":{"use":"process","flowM3PerDay":150,"limits":{"codMgL":100,"phMin":6}}}""",
                "evaluate"),
            Json("POST", "/api/v1/matching/heat/evaluate", engineer,
                """{"supply":{"medium":"steam","supplyTemperatureC":150,"cooledToC":60,"loadKw":1000,"steamPressureBarG":3.8,"condensingAllowed":true,"latitude":24.0,"longitude":120.5},"demand":{"medium":"hotWater","requiredTemperatureC":90,"returnTemperatureC":70,"loadKw":2000,"latitude":24.002,"longitude":120.5,"currentFuel":"naturalGas"}}""",
                "heat-evaluate"),
            Json("POST", "/api/v1/matching/byproducts/evaluate", engineer,
                """{"supply":{"category":"sludge","wasteCode":"D-0902","tonnesPerMonth":120,"properties":{"moisturePercent":55},"disposalCostNtdPerTonne":3200,"latitude":24.0,"longitude":120.5},"demand":{"category":"sludge","acceptedCodes":["D-0902"],"propertyLimits":{"moisturePercent":60},"tonnesPerMonth":80,"virginPriceNtdPerTonne":2400,"latitude":24.05,"longitude":120.5}}""",
                "byproduct-evaluate"),
            Json("POST", $"/api/v1/matches/{Guid.NewGuid()}/quotes", staff, """{"kind":"pipe","amount":900000,"source":"fuzz quote","quotedOn":"2026-11-01"}""", "match-quote"),
            // A park that does not exist: the body is judged, and nothing is recorded for the screening tests' parks.
            Json("PUT", $"/api/v1/parks/{Guid.NewGuid()}/screening-inputs", admin,
                """{"asOf":"2026-03-01","leasableLandHa":11,"tapHeadroomM3PerDay":5000,"county":"高雄市","lowTolerance":false,"wwtpEffluentM3PerDay":20000,"wwtpConductivityUsCm":1500,"source":"fuzz survey"}""",
                "screening-inputs"),
            Json("POST", "/api/v1/factories", staff,
                $$"""{"parkId":"{{parkId}}","nameZh":"測試工廠","nameEn":"Fuzz Works","address":"測試路 1 號","unifiedBusinessNumber":"04595257","industry":"textile","tsicCode":"1311","latitude":24.9,"longitude":121.2,"contactName":"王小明","contactPhone":"03-1234567","contactEmail":"fuzz@example.tw"}""",
                "factory"),
            Json("PUT", $"/api/v1/factories/{factory.Id}", engineer, """{"nameZh":"x","version":1}""", "factory-edit"),
            // A park that does not exist: nothing is published for the public KPI tests' parks.
            Json("PUT", $"/api/v1/admin/parks/{Guid.NewGuid()}/publications/2024", admin, "{}", "publication"),
            Json("PUT", $"/api/v1/fee-cases/{caseId}/months", auditor, """{"month":"2025-01","tapM3":1000,"reason":"fuzz"}""", "fee-month"),
            Json("PUT", $"/api/v1/fee-cases/{caseId}/verification", auditor, """{"issuer":"Lab","issuedOn":"2025-03-01","verifiedRatePercent":60}""", "fee-verification"),
            Json("POST", $"/api/v1/fee-cases/{caseId}/claims", auditor, """{"kind":"pollutionFee","amount":1000,"note":"fuzz"}""", "fee-claim"),
            Json("POST", $"/api/v1/fee-cases/{caseId}/re-examinations", auditor, """{"reason":"fuzz"}""", "fee-reexamination"),
            Json("POST", "/api/v1/fee-cases", auditor, $$"""{"factoryId":"{{factory.Id}}","feeYear":2024,"payerCategory":"business"}""", "fee-case"),
            Json("POST", "/api/v1/matches", staff, $$"""{"supplyStreamId":"{{streamId}}","demandStreamId":"{{Guid.NewGuid()}}","note":"fuzz"}""", "match"),
            Json("POST", $"/api/v1/matches/{Guid.NewGuid()}/advance", staff, """{"to":"contacted","note":"fuzz","rowVersion":1}""", "match-advance"),
            Json("POST", $"/api/v1/matches/{Guid.NewGuid()}/agree", staff, """{"quantity":10,"rowVersion":1}""", "match-agree"),
            Json("POST", "/api/v1/users", admin, """{"email":"fuzz@example.tw","displayName":"Fuzz","password":"Fuzz#Password2026","role":"Auditor"}""", "user"),
            Json("POST", "/api/v1/auth/login", anonymous, """{"email":"nobody@example.tw","password":"wrong"}""", "login"),
            Json("POST", "/api/v1/matching/rule-sets/parameters", engineer, """{"parameters":{"version":"fuzz"},"note":"fuzz"}""", "rules-engineer"),
            Json("POST", "/api/v1/matching/rule-sets/parameters", admin, """{"parameters":{"version":"fuzz","water":null},"note":"fuzz"}""", "rules-admin"),
            Json("POST", "/api/v1/matching/candidates/rebuild", admin, "{}", "candidates-rebuild"),
            Json("POST", $"/api/v1/parks/{parkId}/allocations", admin,
                $$"""{"resources":["water","heat"],"objective":"netBenefit","budgetNtd":1000000,"maxPaybackMonths":60,"lockIn":[{"supplyStreamId":"{{streamId}}","demandStreamId":"{{Guid.NewGuid()}}"}],"lockOut":[],"timeLimitSeconds":1}""",
                "allocation"),
            Json("POST", $"/api/v1/parks/{parkId}/allocations/{Guid.NewGuid()}/cancel", admin, "{}", "allocation-cancel"),
            Json("POST", "/api/v1/fees/rule-sets/regulation-2023/versions", admin, """{"effectiveFrom":"2031-01-01","note":"fuzz"}""", "fee-rules-admin"),
            new("POST", $"{streams}/workbook", staff, r => WorkbookBody(r, workbook), "workbook"),
            new("POST", $"/api/v1/fee-cases/{caseId}/evidence", auditor, r => EvidenceBody(r), "evidence"),
            new("POST", $"/api/v1/matches/{Guid.NewGuid()}/consent-on-behalf", staff, r => ConsentLetterBody(r), "consent-letter"),
            Json("POST", $"/api/v1/matches/{Guid.NewGuid()}/invitations", staff, """{"side":"supplier","name":"王工程師","email":"fuzz-invitee@example.com"}""", "invitation"),
            Json("POST", $"/api/v1/invitations/{Guid.NewGuid():N}/accept", anonymous, """{"password":"Fuzz#Invitee2026"}""", "invitation-accept"),
            // A park that does not exist: the body is judged, and no park's invitations are stopped under the invitation tests.
            Json("PUT", $"/api/v1/parks/{Guid.NewGuid()}/invitation-switch", admin, """{"staffMayInvite":false}""", "invitation-switch"),
        ];
    }

    /// <summary>The base body with one hostile change, or a malformed body, or the right body under the wrong content type.</summary>
    private static HttpContent JsonBody(Random random, string body)
    {
        var roll = random.Next(100);
        if (roll < 12)
        {
            return new StringContent(MalformedBodies[random.Next(MalformedBodies.Length)], Encoding.UTF8, "application/json");
        }

        if (roll < 15)
        {
            return new StringContent(body, Encoding.UTF8, random.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
        }

        var root = JsonNode.Parse(body)!;
        var raw = new List<string>();
        for (var changes = 1 + random.Next(3); changes > 0; changes--)
        {
            Mutate(root, random, raw);
        }

        var text = root.ToJsonString();
        for (var i = 0; i < raw.Count; i++)
        {
            text = text.Replace($"\"__raw{i}__\"", raw[i], StringComparison.Ordinal);
        }

        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    /// <summary>Replaces, removes or adds one member somewhere in the tree (raw tokens are put in after serialising).</summary>
    private static void Mutate(JsonNode root, Random random, List<string> raw)
    {
        var places = new List<(JsonNode Parent, object Key)>();
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o.ToList())
                    {
                        places.Add((o, key));
                        Collect(child);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        places.Add((a, i));
                        Collect(a[i]);
                    }

                    break;
            }
        }

        Collect(root);
        JsonNode Token()
        {
            raw.Add(HostileTokens[random.Next(HostileTokens.Length)]);
            return JsonValue.Create($"__raw{raw.Count - 1}__");
        }

        if (places.Count == 0 || random.Next(10) == 0)
        {
            if (root is JsonObject top)
            {
                top[random.Next(3) == 0 ? "unexpected" + random.Next(5) : places.Count > 0 && places[0].Key is string k ? k : "extra"] = Token();
            }

            return;
        }

        var (parent, at) = places[random.Next(places.Count)];
        var remove = random.Next(6) == 0;
        switch (parent, at)
        {
            case (JsonObject o, string key) when remove:
                o.Remove(key);
                break;
            case (JsonObject o, string key):
                o[key] = Token();
                break;
            case (JsonArray a, int index) when remove:
                a.RemoveAt(index);
                break;
            case (JsonArray a, int index):
                a[index] = Token();
                break;
        }
    }

    /// <summary>A broken workbook: flipped bytes, a cut-off file, random bytes, a hostile cell or part, or a malformed multipart body.</summary>
    private static HttpContent WorkbookBody(Random random, byte[] workbook)
    {
        byte[] bytes;
        switch (random.Next(7))
        {
            case 0:
                bytes = [.. workbook];
                for (var i = 0; i < 1 + random.Next(20); i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                break;
            case 1:
                bytes = workbook[..random.Next(workbook.Length)];
                break;
            case 2:
                bytes = new byte[random.Next(1, 4096)];
                random.NextBytes(bytes);
                break;
            case 3:
                var cell = new[] { "1E+308", "NaN", "1E+29", "-1E+29", "99999999999", "INF", "" }[random.Next(7)];
                bytes = HostileWorkbookTests.Rewrite(workbook, xml => System.Text.RegularExpressions.Regex.Replace(xml, "<([a-z]+:)?v>[0-9.]+</", m => $"<{m.Groups[1].Value}v>{cell}</"));
                break;
            case 4:
                bytes = HostileWorkbookTests.Rewrite(workbook, xml => random.Next(2) == 0 ? xml[..random.Next(xml.Length)] : "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
                break;
            case 5:
                return Multipart(random, "file", "filing.xlsx", workbook);
            default:
                var truncated = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\n\r\nPK"u8.ToArray());
                truncated.Headers.TryAddWithoutValidation("Content-Type", random.Next(2) == 0 ? "multipart/form-data; boundary=b" : "multipart/form-data");
                return truncated;
        }

        return Multipart(random, "file", "filing.xlsx", bytes);
    }

    private static HttpContent EvidenceBody(Random random)
    {
        var names = new[] { "receipt.pdf", "receipt\u0000.pdf", "re\u001bceipt.pdf", "..\\..\\receipt.pdf", new string('a', 300) + ".pdf", "", "收據.pdf", "receipt.exe" };
        var content = random.Next(3) == 0 ? "MZ\u0090\u0000"u8.ToArray() : "%PDF-1.4 fuzz"u8.ToArray();
        return Multipart(random, "file", names[random.Next(names.Length)], content, new() { ["kind"] = new[] { "other", "", "\u0000", "approval", "x" }[random.Next(5)] });
    }

    private static HttpContent ConsentLetterBody(Random random)
    {
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var fields = new Dictionary<string, string>
        {
            ["side"] = Pick("supplier", "buyer", "", "both", "\u0000"),
            ["signedBy"] = Pick("王廠長", "", new string('名', 300), "a\u0007b"),
            ["signedOn"] = Pick("2026-11-01", "", "2099-01-01", "01/11/2026", "9999-99-99", "\u0000"),
        };
        var content = random.Next(3) == 0 ? "MZ\u0090\u0000"u8.ToArray() : "%PDF-1.4 fuzz"u8.ToArray();
        return Multipart(random, "file", Pick("letter.pdf", "", "..\\letter.pdf", "letter.exe"), content, fields);
    }

    /// <summary>A multipart body written by hand, so that file names may hold what HttpClient would refuse to send.</summary>
    private static ByteArrayContent Multipart(Random random, string field, string fileName, byte[] file, Dictionary<string, string>? fields = null)
    {
        const string boundary = "fuzz-boundary";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields ?? [])
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        if (random.Next(8) != 0)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(file);
            Write("\r\n");
        }

        if (random.Next(8) != 0)
        {
            Write($"--{boundary}--\r\n");
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static async Task<string> DescribeAsync(Target target, HttpContent content)
    {
        var type = content.Headers.ContentType?.ToString() ?? "-";
        var text = type.StartsWith("multipart", StringComparison.Ordinal) ? $"({(await content.ReadAsByteArrayAsync()).Length} bytes)" : await content.ReadAsStringAsync();
        var shown = string.Concat(text.Take(1_500).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"{target.Method} {target.Url} as {target.Kind} [{type}] {shown}";
    }
}
