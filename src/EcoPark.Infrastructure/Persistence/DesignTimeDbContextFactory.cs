using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcoPark.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EcoParkDbContext>
{
    public EcoParkDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EcoParkDbContext>();
        DependencyInjection.Configure(options, "Host=localhost;Database=ecopark_design");
        return new EcoParkDbContext(options.Options);
    }
}
