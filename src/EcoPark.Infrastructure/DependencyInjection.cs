using EcoPark.Application.Abstractions;
using EcoPark.Application.Allocation;
using EcoPark.Application.Jobs;
using EcoPark.Application.Reporting;
using EcoPark.Infrastructure.Allocation;
using EcoPark.Infrastructure.Jobs;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddEcoParkInfrastructure(this IServiceCollection services, string connectionString)
    {
        // The factory serves Blazor components (one context per operation); EF also registers the
        // context as scoped, which Identity's stores and per-request API handlers use.
        services.AddDbContextFactory<EcoParkDbContext>(o => Configure(o, connectionString));
        services.AddSingleton<IEcoParkDbContextFactory, EcoParkDbContextFactory>();
        services.AddScoped<IEcoParkDbContext>(sp => sp.GetRequiredService<EcoParkDbContext>());
        services.AddSingleton<IAllocationSolver, OrToolsAllocationSolver>();
        services.AddSingleton<IJobQueue, DatabaseJobQueue>();
        services.AddSingleton<IParkReportPdf, PdfParkReport>();
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
