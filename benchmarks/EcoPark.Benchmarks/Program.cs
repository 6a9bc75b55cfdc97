using System.Diagnostics;
using BenchmarkDotNet.Running;
using EcoPark.Benchmarks;

// `dotnet run -c Release --project benchmarks/EcoPark.Benchmarks` runs BenchmarkDotNet;
// add `-- --quick` for one plain timed pass (a smoke check, not a measurement).
if (args.Contains("--quick"))
{
    var benchmark = new FeeYearBenchmark();
    benchmark.Setup();
    benchmark.OneFeeYear();
    var watch = Stopwatch.StartNew();
    var total = benchmark.OneFeeYear();
    Console.WriteLine($"{FeeYearBenchmark.Payers} payers: {watch.Elapsed.TotalMilliseconds:F1} ms (total net fee {total:N0} NTD)");
    return;
}

// `-- --quick-screening` screens the synthetic 10,000 × 10,000 water world once with the grid index and
// once with the all-pairs loop over every pair (slow: minutes), and checks they agree.
if (args.Contains("--quick-screening"))
{
    WaterScreeningQuick.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FeeYearBenchmark).Assembly).Run(args);
