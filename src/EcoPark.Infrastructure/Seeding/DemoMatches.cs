using System.Text.Json;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using EcoPark.Domain.Water;
using EcoPark.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>
/// Linkages the demo park already runs, so that its dashboard and reports have figures: a water reuse link and a heat link on
/// streams of their own (the pairs the matching tests take up stay free), evaluated by the matching engine on filed balances,
/// moved through their dated steps, and the water links' measured months. Five of the factories file monthly balances for the
/// May–October months of the last 26 closed months. Figures are illustrative.
/// </summary>
internal static class DemoMatches
{
    public const string BeverageEffluent = "洗瓶回收水（砂濾後）";

    private static readonly Caller Seeder = new(Guid.Empty, [Roles.Administrator], [], []);

    public static async Task SeedAsync(EcoParkDbContext db, MatchingRules rules, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var park = DemoPark.Qingxi.Id;
        var factories = await db.Factories.Where(f => f.ParkId == park).ToDictionaryAsync(f => f.Name.Zh, cancellationToken);
        var sampled = today.AddMonths(-1);
        var streams = new List<FactoryStream>
        {
            Effluent(factories["清泉飲料股份有限公司"], BeverageEffluent, 450, 520, 600, 20, today, now, Lab(WaterQuality.CodMgL, 12, sampled),
                Lab(WaterQuality.SsMgL, 6, sampled), Lab(WaterQuality.ConductivityUsCm, 450, sampled), Lab(WaterQuality.Ph, 7.3m, sampled)),
            Demand(factories["鋼聯熱處理股份有限公司"], "淬火槽冷卻水塔補充水", 300, today, now),
            new HeatStream(Guid.NewGuid(), factories["恆信化工股份有限公司"].Id, new HeatDetails("反應槽冷卻排水餘熱", StreamDirection.Supply,
                HeatMedium.HotEffluent, 80, 35, null, 12000, 4.18m, null, 24, 330, 0, null, null, ConfidentialFields.All, null), Guid.Empty, now),
            new HeatStream(Guid.NewGuid(), factories["禾豐食品股份有限公司"].Id, new HeatDetails("設備清洗用熱水", StreamDirection.Demand,
                HeatMedium.HotWater, 55, 25, 300, null, null, null, 24, 330, 0, Fuel.NaturalGas, 2.6m, ConfidentialFields.All, null), Guid.Empty, now),
        };
        db.AddRange(streams);
        foreach (var name in new[] { "清泉飲料股份有限公司", "鋼聯熱處理股份有限公司", "恆信化工股份有限公司", "聯盛特用化學股份有限公司", "康寧醫療器材股份有限公司" })
        {
            db.WaterBalanceFilings.AddRange(Filings(factories[name].Id, today, now, name.Length * 1_000));
        }

        await db.SaveChangesAsync(cancellationToken);

        var world = await MatchingWorld.LoadAsync(db, rules, cancellationToken);
        Link(db, world, streams[0], streams[1], today, operatingMonthsAgo: 20, stopAt: MatchState.Operating, now);
        Link(db, world, streams[2], streams[3], today, operatingMonthsAgo: 10, stopAt: MatchState.Operating, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Link(EcoParkDbContext db, MatchingWorld world, FactoryStream supply, FactoryStream demand, DateOnly today, int operatingMonthsAgo,
        MatchState stopAt, DateTimeOffset now)
    {
        var resource = Matchmaking.Resource(supply);
        var explanation = world.Evaluate(Seeder, MatchingWorld.Pair(supply.Id, demand.Id), resource).FirstOrDefault();
        if (explanation is null || explanation.Candidate.Quantity is not > 0)
        {
            return;
        }

        var c = explanation.Candidate;
        object detail = (object?)explanation.Water ?? (object?)explanation.Heat ?? explanation.Byproduct!;
        var proposal = new MatchProposal(DemoPark.Qingxi.Id, resource, supply.Id, demand.Id, supply.FactoryId, demand.FactoryId, c.Quantity.Value, c.Unit,
            c.NetAnnualBenefitNtd.GetValueOrDefault(), c.Co2eKgPerYear.GetValueOrDefault(), JsonSerializer.Serialize(detail, MatchingRules.Json));
        var operating = today.AddMonths(-operatingMonthsAgo);
        var match = new MatchCase(Guid.NewGuid(), proposal, operating.AddMonths(-7), Guid.Empty, now);
        var step = 6;
        foreach (var state in new[] { MatchState.Proposed, MatchState.Contacted, MatchState.Negotiating })
        {
            match.Advance(state, operating.AddMonths(-step--), null, Guid.Empty, now);
        }

        var agreed = Math.Round(c.Quantity.Value * 0.9m, 1);
        match.Agree(agreed, new CreditSplit(40, 50, 50), operating.AddMonths(-3), "示範：已簽約", Guid.Empty, now);
        match.Consent(true, Guid.Empty, now);
        match.Consent(false, Guid.Empty, now);
        match.Introduce(now);
        foreach (var (state, monthsBefore) in new[] { (MatchState.Permits, 2), (MatchState.Built, 1), (MatchState.Operating, 0) })
        {
            if (match.State == stopAt)
            {
                break;
            }

            match.Advance(state, operating.AddMonths(-monthsBefore), null, Guid.Empty, now);
        }

        if (match.State == MatchState.Operating)
        {
            var month = new YearMonth(operating.Year, operating.Month).AddMonths(1);
            for (var i = 0; month < new YearMonth(today.Year, today.Month); month = month.AddMonths(1), i++)
            {
                // Measured months run a little under and over the agreement, as metered flows do.
                match.RecordMonth(month, Math.Round(agreed * (0.86m + (i * 7 % 5 * 0.04m)), 1), Guid.Empty, now);
            }
        }

        db.MatchCases.Add(match);
    }

    private static IEnumerable<WaterBalanceFiling> Filings(Guid factoryId, DateOnly today, DateTimeOffset now, decimal tapM3)
    {
        for (var back = 26; back >= 1; back--)
        {
            var month = today.AddMonths(-back);
            if (month.Month is >= 11 or <= 4)
            {
                // Window months are left unfiled, so that fee cases and the fee engine keep working from what users enter.
                continue;
            }

            var period = new FilingPeriod(month.Year, month.Month, FilingPeriodKind.Month);
            var intake = tapM3 + (back % 3 * 500);
            var balance = new WaterBalance
            {
                TapM3 = intake,
                RainwaterM3 = 200,
                CoolingM3 = Math.Round((intake + 200) * 0.4m),
                ProcessM3 = Math.Round((intake + 200) * 0.5m),
                DomesticM3 = (intake + 200) - Math.Round((intake + 200) * 0.4m) - Math.Round((intake + 200) * 0.5m),
                CirculationM3 = intake * 3,
                CoolingTowerCirculationM3 = intake * 2,
                ReuseM3 = Math.Round(intake * 0.1m),
                SewerM3 = Math.Round((intake + 200) * 0.8m),
                EvaporationLossM3 = (intake + 200) - Math.Round((intake + 200) * 0.8m),
            };
            var filing = new WaterBalanceFiling(Guid.NewGuid(), factoryId, period, balance, Guid.Empty, now);
            filing.Submit(5, null, Guid.Empty, now);
            yield return filing;
        }
    }

    private static EffluentStream Effluent(Factory factory, string name, decimal min, decimal avg, decimal max, decimal fee, DateOnly today, DateTimeOffset at,
        params ParameterValue[] quality) =>
        new(Guid.NewGuid(), factory.Id, new EffluentDetails(name, min, avg, max, 7, 24, quality, DischargeRoute.ParkWwtp, fee, ConfidentialFields.All, null),
            today, Guid.Empty, at);

    private static WaterDemand Demand(Factory factory, string name, decimal flow, DateOnly today, DateTimeOffset at) =>
        new(Guid.NewGuid(), factory.Id, factory.Industry, new WaterDemandDetails(name, WaterUse.Cooling, flow, [], true, false, [], 3000, 15, 12.5m,
            ConfidentialFields.All, null), today, Guid.Empty, at);

    private static ParameterValue Lab(string key, decimal value, DateOnly sampled) => new(key, value, ValueBasis.Lab, sampled);
}
