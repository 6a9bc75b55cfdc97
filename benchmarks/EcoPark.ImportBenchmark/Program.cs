using System.Diagnostics;
using EcoPark.Application;
using EcoPark.Application.Workbooks;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Parks;
using EcoPark.Infrastructure;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Imports a 10,000-row filing workbook into a throwaway PostgreSQL database, end to end (read, check
// every row, save in one transaction), and prints wall time, allocation and peak working set.
// `dotnet run -c Release --project benchmarks/EcoPark.ImportBenchmark`
const int Outlets = 2_499, Demands = 1; // 1 balance row + 2,499 × (1 outlet + 3 quality rows) + 1 × (1 demand + 2 limits) = 10,000 rows
await using var server = await PostgresServer.LaunchAsync();
var services = new ServiceCollection().AddLogging().AddEcoParkApplication().AddEcoParkInfrastructure(server.ConnectionString(PostgresServer.NewDatabaseName("ecopark_bench")))
    .BuildServiceProvider();
Guid factoryId;
await using (var db = await services.GetRequiredService<IDbContextFactory<EcoParkDbContext>>().CreateDbContextAsync())
{
    await db.Database.MigrateAsync();
    var park = new Park(Guid.NewGuid(), new BilingualName("基準工業區", "Benchmark Park"), "桃園市", new GeoPoint(25.0, 121.2), new CubicMetresPerDay(35_000),
        new CubicMetresPerDay(8_500));
    var factory = new Factory(Guid.NewGuid(), park.Id, new FactoryDetails(new BilingualName("基準工廠", "Benchmark Factory"), "桃園市基準路1號",
        UnifiedBusinessNumber.Parse("96865468"), Industry.Dyeing, "1150", new GeoPoint(25.0, 121.2), new ContactPerson("王", "03-0000000", string.Empty)));
    db.AddRange(park, factory);
    await db.SaveChangesAsync();
    factoryId = factory.Id;
}

var sheets = SyntheticWorkbook.Sheets("Bench", Outlets, Demands);
var bytes = SyntheticWorkbook.Bytes(sheets);
var rows = sheets.Values.Sum(r => r.Count);
var workbooks = services.GetRequiredService<FilingWorkbooks>();
var admin = new Caller(Guid.NewGuid(), [Roles.Administrator], [], []);
Console.WriteLine($"workbook: {rows:N0} rows, {bytes.Length / 1024.0:N0} KiB, PostgreSQL: {server.Kind}");
foreach (var run in new[] { "first import (creates)", "second import (updates by name)" })
{
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var result = await workbooks.ImportAsync(admin, factoryId, new MemoryStream(bytes));
    watch.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    Console.WriteLine($"{run}: saved={result.Saved} rows={result.Rows:N0} problems={result.Problems.Count} time={watch.Elapsed.TotalSeconds:F2} s " +
        $"allocated={allocated / 1024.0 / 1024.0:N0} MB peak working set={process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
}
