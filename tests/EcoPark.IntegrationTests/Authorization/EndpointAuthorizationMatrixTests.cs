using System.Net;
using System.Net.Http.Json;
using System.Text;
using EcoPark.Application.Factories;
using EcoPark.Application.Parks;
using EcoPark.Domain.Access;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Authorization;

/// <summary>
/// Every API endpoint the app maps (read from its own <see cref="EndpointDataSource"/>) × every role
/// (anonymous, administrator, staff of each park, engineers of two factories, auditor) × targets inside
/// and outside the role's scope. An endpoint without a rule fails the test; adding its rule is one entry in
/// <see cref="Rules"/>. Bodies are empty (<c>{}</c>) or a tiny file, so an allowed call stops at validation
/// and nothing is changed.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class EndpointAuthorizationMatrixTests(DemoAppFixture app, ITestOutputHelper output)
{
    private const string Admin = Roles.Administrator, Staff = Roles.ParkStaff, Engineer = Roles.FactoryEngineer, Auditor = Roles.Auditor;

    /// <summary>Who may call each endpoint, keyed by method and route pattern. One entry per endpoint.</summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/login"] = Rule.Public,
        ["POST /api/v1/auth/refresh"] = Rule.Public,
        ["* /api/{**path}"] = Rule.Public,
        ["GET /api/v1/me"] = Rule.SignedIn,
        ["GET /api/v1/parks"] = Rule.SignedIn,
        ["GET /api/v1/users"] = Rule.Only(Admin),
        ["POST /api/v1/users"] = Rule.Only(Admin),

        ["GET /api/v1/factories"] = Rule.SignedIn,
        // Staff may register a factory only in their own park; the empty body names none, so only administrators pass.
        ["POST /api/v1/factories"] = Rule.Only(Admin),
        ["GET /api/v1/factories/{id:guid}"] = Rule.FactoryRead,
        ["PUT /api/v1/factories/{id:guid}"] = Rule.FactoryWrite,

        ["GET /api/v1/factories/{factoryId:guid}/water-balances"] = Rule.FactoryRead,
        ["POST /api/v1/factories/{factoryId:guid}/water-balances"] = Rule.FactoryWrite,
        ["GET /api/v1/factories/{factoryId:guid}/water-balances/{filingId:guid}"] = Rule.FactoryRead,
        ["PUT /api/v1/factories/{factoryId:guid}/water-balances/{filingId:guid}"] = Rule.FactoryWrite,
        ["POST /api/v1/factories/{factoryId:guid}/water-balances/{filingId:guid}/amendments"] = Rule.FactoryWrite,
        ["GET /api/v1/parks/{parkId:guid}/water-balances"] = Rule.Park(Admin, Staff, Auditor),

        ["GET /api/v1/factories/{factoryId:guid}/workbook/template"] = Rule.FactoryRead,
        ["GET /api/v1/factories/{factoryId:guid}/workbook"] = Rule.FactoryRead,
        ["POST /api/v1/factories/{factoryId:guid}/workbook"] = Rule.FactoryWrite,

        ["POST /api/v1/fees/calculate"] = Rule.SignedIn,
        ["GET /api/v1/fees/rule-sets"] = Rule.SignedIn,
        ["GET /api/v1/fees/benchmarks"] = Rule.SignedIn,
        ["POST /api/v1/fees/rule-sets/{code}/versions"] = Rule.Only(Admin),
        ["POST /api/v1/fee-cases"] = Rule.Only(Admin, Auditor),
        ["GET /api/v1/fee-cases"] = Rule.Only(Admin, Auditor),
        ["GET /api/v1/fee-cases/{id:guid}"] = Rule.Only(Admin, Auditor),
        ["PUT /api/v1/fee-cases/{id:guid}/months"] = Rule.Only(Admin, Auditor),
        ["PUT /api/v1/fee-cases/{id:guid}/verification"] = Rule.Only(Admin, Auditor),
        ["POST /api/v1/fee-cases/{id:guid}/claims"] = Rule.Only(Admin, Auditor),
        ["POST /api/v1/fee-cases/{id:guid}/claims/{claimId:guid}/decision"] = Rule.Only(Admin, Auditor),
        ["POST /api/v1/fee-cases/{id:guid}/evidence"] = Rule.Only(Admin, Auditor),
        ["GET /api/v1/fee-cases/{id:guid}/evidence/{evidenceId:guid}"] = Rule.Only(Admin, Auditor),
        ["POST /api/v1/fee-cases/{id:guid}/calculate"] = Rule.Only(Admin, Auditor),
        ["POST /api/v1/fee-cases/{id:guid}/decide"] = Rule.Only(Admin, Auditor),
        ["POST /api/v1/fee-cases/{id:guid}/re-examinations"] = Rule.Only(Admin, Auditor),
        ["GET /api/v1/fee-cases/{id:guid}/notice"] = Rule.Only(Admin, Auditor),
        ["GET /api/v1/fee-cases/{id:guid}/notice.xlsx"] = Rule.Only(Admin, Auditor),

        ["POST /api/v1/matching/water/evaluate"] = Rule.SignedIn,
        ["POST /api/v1/matching/heat/evaluate"] = Rule.SignedIn,
        ["POST /api/v1/matching/byproducts/evaluate"] = Rule.SignedIn,
        ["GET /api/v1/matching/parks/{parkId:guid}/candidates"] = Rule.Park(Admin, Staff),
        ["GET /api/v1/matching/streams/{streamId:guid}/candidates"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matching/candidates/rebuild"] = Rule.Only(Admin),
        ["GET /api/v1/matching/candidates/progress"] = Rule.Only(Admin, Staff),
        ["GET /api/v1/matching/pairs/{supplyStreamId:guid}/{demandStreamId:guid}"] = Rule.Only(Admin, Staff),
        ["GET /api/v1/matching/opportunities"] = Rule.SignedIn,
        ["GET /api/v1/matching/rule-sets"] = Rule.SignedIn,
        ["GET /api/v1/matching/rule-sets/{kind}/{version}"] = Rule.SignedIn,
        ["POST /api/v1/matching/rule-sets/parameters"] = Rule.Only(Admin),
        ["POST /api/v1/matching/rule-sets/treatments"] = Rule.Only(Admin),
        ["GET /api/v1/matches"] = Rule.Park(Admin, Staff, Auditor) with { Query = "?parkId={parkId}" },
        ["GET /api/v1/matches/{id:guid}"] = Rule.Only(Admin, Staff, Auditor),
        ["POST /api/v1/matches"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/advance"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/agree"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/decline"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/notes"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/months"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/introduce"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/quotes"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/join"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/consent"] = Rule.Only(Admin, Staff, Engineer),
        ["POST /api/v1/matches/{id:guid}/documents"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/consent-on-behalf"] = Rule.Only(Admin, Staff),
        ["GET /api/v1/matches/{id:guid}/invitations"] = Rule.Only(Admin, Staff),
        ["POST /api/v1/matches/{id:guid}/invitations"] = Rule.Only(Admin, Staff),
        ["GET /api/v1/invitation-switches"] = Rule.Only(Admin),
        ["PUT /api/v1/parks/{parkId:guid}/invitation-switch"] = Rule.Park(Admin),
        ["GET /api/v1/invitations/{token}"] = Rule.Public,
        ["POST /api/v1/invitations/{token}/accept"] = Rule.Public,
        ["GET /api/v1/matches/{id:guid}/documents/{documentId:guid}"] = Rule.Only(Admin, Staff, Auditor),
        ["GET /api/v1/parks/{parkId:guid}/match-credits"] = Rule.Park(Admin, Staff, Auditor),

        ["GET /api/v1/screening"] = Rule.Only(Admin, Staff),
        ["GET /api/v1/screening.xlsx"] = Rule.Only(Admin, Staff),
        ["GET /api/v1/parks/{parkId:guid}/screening-inputs"] = Rule.Park(Admin, Staff),
        ["PUT /api/v1/parks/{parkId:guid}/screening-inputs"] = Rule.Park(Admin, Staff),

        ["GET /api/v1/parks/{parkId:guid}/kpis"] = Rule.Park(Admin, Staff, Auditor) with { Query = "?period=2026" },
        ["GET /api/v1/kpis"] = Rule.Only(Admin, Auditor) with { Query = "?period=2026-01" },
        // The kind in the route is not a report kind here, so an allowed caller stops at validation and nothing is generated.
        ["GET /api/v1/parks/{parkId:guid}/reports/{kind}"] = Rule.Park(Admin, Staff, Auditor),
        ["PUT /api/v1/admin/parks/{parkId:guid}/publications/{year}"] = Rule.Only(Admin),
        ["DELETE /api/v1/admin/parks/{parkId:guid}/publications/{year}"] = Rule.Only(Admin),
        ["GET /api/v1/public/parks"] = Rule.Public,
        ["GET /api/v1/public/parks/{parkId:guid}/kpis"] = Rule.Public,

        ["POST /api/v1/parks/{parkId:guid}/allocations"] = Rule.Park(Admin, Staff),
        ["GET /api/v1/parks/{parkId:guid}/allocations"] = Rule.Park(Admin, Staff),
        ["GET /api/v1/parks/{parkId:guid}/allocations/{id:guid}"] = Rule.Park(Admin, Staff),
        ["POST /api/v1/parks/{parkId:guid}/allocations/{id:guid}/cancel"] = Rule.Park(Admin, Staff),
        ["GET /api/v1/parks/{parkId:guid}/allocations/{id:guid}/export"] = Rule.Park(Admin, Staff),
    };

    static EndpointAuthorizationMatrixTests()
    {
        foreach (var path in new[] { "effluent-streams", "water-demands", "heat-streams", "byproduct-streams" })
        {
            var list = $"/api/v1/factories/{{factoryId:guid}}/{path}";
            Rules[$"GET {list}"] = Rule.FactoryRead;
            Rules[$"POST {list}"] = Rule.FactoryWrite;
            Rules[$"GET {list}/{{id:guid}}"] = Rule.FactoryRead;
            Rules[$"PUT {list}/{{id:guid}}"] = Rule.FactoryWrite;
            Rules[$"DELETE {list}/{{id:guid}}"] = Rule.FactoryWrite;
        }
    }

    [Fact]
    public void EveryApiEndpoint_HasARule_AndEveryRuleAnEndpoint()
    {
        var endpoints = ApiEndpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(endpoints.Where(e => !Rules.ContainsKey(e)).Order());
        Assert.Empty(Rules.Keys.Where(k => !endpoints.Contains(k)).Order());
    }

    [Fact]
    public async Task EveryEndpoint_ForEveryRoleAndTarget_AnswersAsItsRuleSays()
    {
        var world = await WorldAsync();
        var failures = new List<string>();
        var cases = 0;
        foreach (var endpoint in ApiEndpoints().Where(e => Rules.ContainsKey(e.Key) && e.Method != "*"))
        {
            var rule = Rules[endpoint.Key];
            foreach (var actor in world.Actors)
            {
                foreach (var target in rule.Targets(world))
                {
                    cases++;
                    var expected = rule.Allows(actor, target);
                    using var client = actor.Email is null ? app.Anonymous() : await app.SignedInAsync(actor.Email, password: actor.Password);
                    using var request = Request(endpoint, rule, target);
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var strict = endpoint.Pattern.Split('{').Length - 1 == endpoint.Pattern.Split('{').Count(p => p.StartsWith("factoryId", StringComparison.Ordinal) || p.StartsWith("parkId", StringComparison.Ordinal) || (p.StartsWith("id:", StringComparison.Ordinal) && endpoint.Pattern.StartsWith("/api/v1/factories/{id", StringComparison.Ordinal)));
                    var ok = status < 500 && (rule.Anonymous || (expected
                        ? status is not (401 or 403) && (!strict || status != 404)
                        : actor.Email is null ? status == 401 : status is 401 or 403 or 404));
                    if (!ok)
                    {
                        failures.Add($"{endpoint.Key} as {actor.Name} on {target.Name}: {status}, expected {(expected ? "allowed" : "denied")}");
                    }
                }
            }
        }

        output.WriteLine($"Authorization matrix: {cases} cases, {failures.Count} failed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join('\n', failures));
        Assert.True(cases > 500, $"only {cases} cases");
    }

    private IEnumerable<ApiEndpoint> ApiEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new ApiEndpoint(m, e.RoutePattern.RawText!.TrimEnd('/'), e)));

    private static HttpRequestMessage Request(ApiEndpoint endpoint, Rule rule, Target target)
    {
        var path = endpoint.Pattern;
        foreach (var segment in endpoint.Route.RoutePattern.Parameters)
        {
            var value = segment.Name switch
            {
                "factoryId" => target.FactoryId.ToString(),
                "id" when path.StartsWith("/api/v1/factories/{id", StringComparison.Ordinal) => target.FactoryId.ToString(),
                "parkId" => target.ParkId.ToString(),
                "code" => "regulation-2023",
                "kind" => "parameters",
                "version" => EcoPark.Domain.Matching.MatchingDefaults.Version,
                _ => Guid.NewGuid().ToString(),
            };
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + segment.Name + "(:[^}]*)?\\}", value);
        }

        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path + (rule.Query?.Replace("{parkId}", target.ParkId.ToString(), StringComparison.Ordinal) ?? string.Empty));
        if (endpoint.Method is "POST" or "PUT")
        {
            var form = endpoint.Route.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            request.Content = form
                ? new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 matrix")), "file", "matrix.pdf" }, { new StringContent("other"), "kind" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<World> WorldAsync()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email);
        var parks = (await admin.GetFromJsonAsync<List<ParkDto>>("/api/v1/parks"))!;
        var factories = await app.AllFactoriesAsync();
        var own = factories.Single(f => f.NameZh == "永彩染整股份有限公司");
        var second = factories.Single(f => f.NameZh.StartsWith("鋁鑫", StringComparison.Ordinal));
        var otherPark = factories.Single(f => f.NameZh == "溪南鋼鐵股份有限公司");
        var southStaff = $"staff-south-{Guid.NewGuid():N}@example.tw";
        using (var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = southStaff, displayName = "溪南服務中心", password = MatrixPassword, role = Staff, parkIds = new[] { otherPark.ParkId } }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Target T(FactoryDto f) => new(f.NameZh, f.Id, f.ParkId);
        var north = own.ParkId;
        return new World(
            [
                new Actor("anonymous", null, DemoAccounts.Password, null, [], []),
                new Actor("administrator", DemoAccounts.Administrator.Email, DemoAccounts.Password, Admin, [], []),
                new Actor("staff of 青溪", DemoAccounts.Staff.Email, DemoAccounts.Password, Staff, [north], []),
                new Actor("staff of 溪南", southStaff, MatrixPassword, Staff, [otherPark.ParkId], []),
                new Actor("engineer of 永彩", DemoAccounts.Engineer.Email, DemoAccounts.Password, Engineer, [], [own.Id]),
                new Actor("engineer of 鋁鑫", DemoAccounts.SecondEngineer.Email, DemoAccounts.Password, Engineer, [], [second.Id]),
                new Actor("auditor", DemoAccounts.Auditor.Email, DemoAccounts.Password, Auditor, [], []),
            ],
            [T(own), T(second), T(otherPark)],
            parks.Select(p => new Target(p.NameZh, Guid.Empty, p.Id)).ToList());
    }

    private const string MatrixPassword = "Matrix#Staff2026";

    private sealed record ApiEndpoint(string Method, string Pattern, RouteEndpoint Route)
    {
        public string Key => $"{Method} {Pattern}";
    }

    private sealed record Actor(string Name, string? Email, string Password, string? Role, IReadOnlyList<Guid> Parks, IReadOnlyList<Guid> Factories);

    private sealed record Target(string Name, Guid FactoryId, Guid ParkId);

    private sealed record World(IReadOnlyList<Actor> Actors, IReadOnlyList<Target> Factories, IReadOnlyList<Target> Parks);

    private enum Scope
    {
        None,
        Factory,
        Park,
    }

    /// <summary>Which roles may call an endpoint, and whether a factory or park in the route narrows it to the role's scope.</summary>
    private sealed record Rule(Scope Scope, bool Anonymous, IReadOnlyList<string> Roles)
    {
        public static Rule Public { get; } = new(Scope.None, true, [Admin, Staff, Engineer, Auditor]);

        public static Rule SignedIn { get; } = new(Scope.None, false, [Admin, Staff, Engineer, Auditor]);

        /// <summary>Read a factory's records: administrators, auditors, the park's staff and the factory's engineers.</summary>
        public static Rule FactoryRead { get; } = new(Scope.Factory, false, [Admin, Staff, Engineer, Auditor]);

        /// <summary>Change a factory's records: the same without auditors.</summary>
        public static Rule FactoryWrite { get; } = new(Scope.Factory, false, [Admin, Staff, Engineer]);

        public string? Query { get; init; }

        public static Rule Only(params string[] roles) => new(Scope.None, false, roles);

        public static Rule Park(params string[] roles) => new(Scope.Park, false, roles);

        public IEnumerable<Target> Targets(World world) => Scope switch
        {
            Scope.Factory => world.Factories,
            Scope.Park => world.Parks,
            _ => [new Target("-", Guid.Empty, Guid.Empty)],
        };

        public bool Allows(Actor actor, Target target)
        {
            if (actor.Role is null)
            {
                return Anonymous;
            }

            if (!Roles.Contains(actor.Role))
            {
                return false;
            }

            return Scope == Scope.None || actor.Role is Admin or Auditor
                || (actor.Role == Staff && actor.Parks.Contains(target.ParkId))
                || (actor.Role == Engineer && Scope == Scope.Factory && actor.Factories.Contains(target.FactoryId));
        }
    }
}
