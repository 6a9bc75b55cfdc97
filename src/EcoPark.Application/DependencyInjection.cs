using EcoPark.Application.Factories;
using EcoPark.Application.Fees;
using EcoPark.Application.Filings;
using EcoPark.Application.Matching;
using EcoPark.Application.Parks;
using EcoPark.Application.Screening;
using EcoPark.Application.Streams;
using EcoPark.Application.Users;
using EcoPark.Application.Workbooks;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddEcoParkApplication(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        Common.ValidationLanguage.Install();
        services.AddSingleton<IValidator<FactoryInput>, FactoryInputValidator>();
        services.AddSingleton<IValidator<CreateUserInput>, CreateUserInputValidator>();
        services.AddSingleton<IValidator<LoginInput>, LoginInputValidator>();
        services.AddSingleton<IValidator<FeeCalculationRequest>, FeeCalculationRequestValidator>();
        services.AddSingleton<IValidator<OpenFeeCaseInput>, OpenFeeCaseInputValidator>();
        services.AddSingleton<IValidator<FeeCaseMonthInput>, FeeCaseMonthInputValidator>();
        services.AddSingleton<IValidator<VerificationInput>, VerificationInputValidator>();
        services.AddSingleton<IValidator<ClaimInput>, ClaimInputValidator>();
        services.AddSingleton<IValidator<ClaimDecisionInput>, ClaimDecisionInputValidator>();
        services.AddSingleton<IValidator<WaterBalanceRequest>, WaterBalanceRequestValidator>();
        services.AddSingleton<WaterBalanceFilings>();
        services.AddSingleton<IValidator<EffluentStreamInput>, EffluentStreamInputValidator>();
        services.AddSingleton<IValidator<WaterDemandStreamInput>, WaterDemandStreamInputValidator>();
        services.AddSingleton<IValidator<HeatStreamInput>, HeatStreamInputValidator>();
        services.AddSingleton<IValidator<ByproductStreamInput>, ByproductStreamInputValidator>();
        services.AddSingleton<EffluentStreams>();
        services.AddSingleton<WaterDemands>();
        services.AddSingleton<HeatStreams>();
        services.AddSingleton<ByproductStreams>();
        services.AddSingleton<QualityReference>();
        services.AddSingleton<FilingWorkbooks>();
        services.AddSingleton<MatchingRules>();
        services.AddSingleton<CandidateStore>();
        services.AddSingleton<StreamMatching>();
        foreach (var kind in CandidateJobs.Kinds)
        {
            services.AddSingleton<Jobs.IJobHandler>(sp => new CandidateJobs(sp.GetRequiredService<CandidateStore>(), kind));
        }
        services.AddSingleton<IValidator<Allocation.StartAllocationInput>, Allocation.StartAllocationInputValidator>();
        services.AddSingleton<Allocation.AllocationRuns>();
        services.AddSingleton<Allocation.AllocationProposals>();
        services.AddSingleton<Jobs.IJobHandler, Allocation.AllocationRunJobs>();
        services.AddSingleton<IValidator<EvaluateWaterRequest>, EvaluateWaterRequestValidator>();
        services.AddSingleton<IValidator<EvaluateHeatRequest>, EvaluateHeatRequestValidator>();
        services.AddSingleton<IValidator<EvaluateByproductRequest>, EvaluateByproductRequestValidator>();
        services.AddSingleton<IValidator<MatchQuoteInput>, MatchQuoteInputValidator>();
        services.AddSingleton<IValidator<TakeUpInput>, TakeUpInputValidator>();
        services.AddSingleton<IValidator<AdvanceInput>, AdvanceInputValidator>();
        services.AddSingleton<IValidator<AgreeInput>, AgreeInputValidator>();
        services.AddSingleton<IValidator<DeclineInput>, DeclineInputValidator>();
        services.AddSingleton<IValidator<MatchNoteInput>, MatchNoteInputValidator>();
        services.AddSingleton<IValidator<ConsentOnBehalfInput>, ConsentOnBehalfInputValidator>();
        services.AddSingleton<IValidator<MatchMonthInput>, MatchMonthInputValidator>();
        services.AddSingleton<Matchmaking>();
        services.AddSingleton<MatchCases>();
        services.AddSingleton<FeeRules>();
        services.AddSingleton<FeeCalculator>();
        services.AddSingleton<FeeCases>();
        services.AddSingleton<CallerLoader>();
        services.AddSingleton<FactoryQueries>();
        services.AddSingleton<FactoryCommands>();
        services.AddSingleton<ParkQueries>();
        services.AddSingleton<Reporting.ParkKpiQueries>();
        services.AddSingleton<Reporting.ParkReports>();
        services.AddSingleton<Reporting.PublicKpis>();
        services.AddSingleton<IValidator<ScreeningInputsRequest>, ScreeningInputsRequestValidator>();
        services.AddSingleton<ParkScreening>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<IValidator<InviteEngineerInput>, InviteEngineerInputValidator>();
        services.AddSingleton<IValidator<AcceptInvitationInput>, AcceptInvitationInputValidator>();
        services.AddSingleton(new InvitationRules());
        services.AddScoped<EngineerInvitations>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<UserPreferences>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
