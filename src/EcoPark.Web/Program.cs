using EcoPark.Web.Hosting;
using Serilog;

// Console-only logger for start-up failures; the host builds its own logger from configuration.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddEcoParkServices();

    var app = builder.Build();
    if (args.Contains("migrate"))
    {
        // Production schema upgrades: `dotnet EcoPark.Web.dll migrate` applies pending migrations and exits.
        await app.MigrateDatabaseAsync();
        return 0;
    }

    app.UseEcoParkPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // Logged for the operator, then rethrown so that the process fails (and test hosts see why).
    Log.Fatal(e, "EcoPark stopped: {Reason}", e.Message);
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so that the integration tests can host it.</summary>
public partial class Program;
