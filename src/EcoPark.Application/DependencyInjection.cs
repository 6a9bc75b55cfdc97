using EcoPark.Application.Factories;
using EcoPark.Application.Parks;
using EcoPark.Application.Users;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddEcoParkApplication(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IValidator<FactoryInput>, FactoryInputValidator>();
        services.AddSingleton<IValidator<CreateUserInput>, CreateUserInputValidator>();
        services.AddSingleton<IValidator<LoginInput>, LoginInputValidator>();
        services.AddSingleton<CallerLoader>();
        services.AddSingleton<FactoryQueries>();
        services.AddSingleton<FactoryCommands>();
        services.AddSingleton<ParkQueries>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
