using EcoPark.Domain.Allocation;

namespace EcoPark.Allocation.Tests;

/// <summary>
/// Random water parks built straight as allocation models: supplies, demands (some blending, with two additive limits),
/// candidate pairs with an as-is path and sometimes a treatment path, pipe investments, and now and then a budget or a
/// payback ceiling. Seeded: a sample is the same on every run.
/// </summary>
internal static class RandomParks
{
    private static readonly string[] Keys = ["codMgL", "chlorideMgL"];

    public static (AllocationModel Model, AllocationOptions Options) Sample(int seed, int maxSupplies = 4, int maxDemands = 4, int maxPairs = int.MaxValue)
    {
        var random = new Random(seed);
        var supplies = Enumerable.Range(0, random.Next(1, maxSupplies + 1))
            .Select(i => new AllocationSupply(Id(1, i), AllocationResource.Water, Value(random, 20, 400))).ToList();
        var demands = Enumerable.Range(0, random.Next(1, maxDemands + 1)).Select(j =>
        {
            var blending = random.Next(2) == 0;
            return new AllocationDemand(Id(2, j), AllocationResource.Water, Value(random, 20, 400))
            {
                MixLimits = blending ? [.. Keys.Select(k => new MixLimit(k, null, Value(random, 40, 100), Value(random, 10, 60)))] : [],
            };
        }).ToList();
        var pairs = new List<AllocationPair>();
        var paths = new List<AllocationPath>();
        foreach (var s in supplies)
        {
            foreach (var d in demands)
            {
                if (random.Next(100) >= 55 || pairs.Count >= maxPairs)
                {
                    continue;
                }

                var overlap = Math.Min(s.Capacity, d.Size);
                pairs.Add(new AllocationPair(s.Id, d.Id, AllocationResource.Water, Value(random, 0, 3_000_000)));
                var saving = Value(random, 500, 9_000);
                var outlet = d.MixLimits.ToDictionary(l => l.Key, _ => Value(random, 5, 160));
                paths.Add(new AllocationPath
                {
                    SupplyId = s.Id,
                    DemandId = d.Id,
                    MaxQuantity = Math.Round(overlap * Value(random, 0.5m, 1), 2),
                    SavingNtdPerYearPerUnit = saving,
                    Outlet = outlet,
                });
                if (random.Next(2) == 0)
                {
                    var recovery = Value(random, 0.7m, 0.98m);
                    paths.Add(new AllocationPath
                    {
                        SupplyId = s.Id,
                        DemandId = d.Id,
                        Option = "uf+ro",
                        Treatment = ["uf", "ro"],
                        MaxQuantity = Math.Round(Math.Min(s.Capacity * recovery, d.Size), 2),
                        SupplyUsePerUnit = 1 / recovery,
                        SavingNtdPerYearPerUnit = saving - Value(random, 200, 6_000),
                        InvestmentNtdPerUnit = Value(random, 0, 40_000),
                        Outlet = outlet.ToDictionary(o => o.Key, o => Math.Round(o.Value * 0.1m, 2)),
                    });
                }
            }
        }

        var options = new AllocationOptions
        {
            BudgetNtd = random.Next(3) == 0 ? Value(random, 500_000, 8_000_000) : null,
            MaxPaybackMonths = random.Next(4) == 0 ? Value(random, 12, 60) : null,
            TimeLimit = TimeSpan.FromSeconds(20),
        };
        return (new AllocationModel(supplies, demands, pairs, paths, 10), options);
    }

    public static Guid Id(int kind, int index) => new(kind, (short)index, 0, new byte[8]);

    private static decimal Value(Random random, decimal low, decimal high) => Math.Round(low + ((high - low) * (decimal)random.NextDouble()), 2);
}
