using BenchmarkDotNet.Attributes;
using EcoPark.Domain.Fees;

namespace EcoPark.Benchmarks;

/// <summary>
/// One fee year for 3,700 synthetic industrial payers (the draft's count of industrial users), computed
/// in-process with the 2023 regulation: random volumes by source for the six window months, random
/// recycling-rate status and claims. Target: under 1 s.
/// </summary>
[MemoryDiagnoser]
public class FeeYearBenchmark
{
    public const int Payers = 3_700;

    private FeeRuleSet rules = default!;
    private FeeRequest[] requests = [];

    [GlobalSetup]
    public void Setup()
    {
        rules = SyntheticRules.Regulation2023();
        var random = new Random(2026);
        requests = [.. Enumerable.Range(0, Payers).Select(_ => SyntheticRules.Payer(random, 2026))];
    }

    [Benchmark]
    public decimal OneFeeYear()
    {
        var total = 0m;
        foreach (var request in requests)
        {
            total += FeeEngine.Calculate(rules, request).NetFeeNtd;
        }

        return total;
    }
}
