using EcoPark.Application.Abstractions;
using EcoPark.Application.Factories;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Streams;

public sealed class EffluentStreams(IEcoParkDbContextFactory dbFactory, IValidator<EffluentStreamInput> validator, TimeProvider clock, IStringLocalizer<Messages> l,
    StreamMatching matching)
    : StreamHandler<EffluentStream, EffluentStreamInput>(dbFactory, validator, clock, l, matching)
{
    public override DbSet<EffluentStream> Set(IEcoParkDbContext db) => db.EffluentStreams;

    public override EffluentStreamInput ToInput(EffluentStream stream) => EffluentStreamInput.From(stream);

    public override EffluentStream Create(FactoryFacts factory, EffluentStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        new(Guid.NewGuid(), factory.Id, input.ToDetails(), today, by, at);

    public override void Update(EffluentStream stream, FactoryFacts factory, EffluentStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        stream.Update(input.ToDetails(), today, by, at);

    protected override IEnumerable<ParameterValue> MeasuredValues(EffluentStream stream) => stream.Quality;
}

public sealed class WaterDemands(IEcoParkDbContextFactory dbFactory, IValidator<WaterDemandStreamInput> validator, TimeProvider clock, IStringLocalizer<Messages> l,
    StreamMatching matching)
    : StreamHandler<WaterDemand, WaterDemandStreamInput>(dbFactory, validator, clock, l, matching)
{
    public override DbSet<WaterDemand> Set(IEcoParkDbContext db) => db.WaterDemands;

    public override WaterDemandStreamInput ToInput(WaterDemand stream) => WaterDemandStreamInput.From(stream);

    public override WaterDemand Create(FactoryFacts factory, WaterDemandStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        new(Guid.NewGuid(), factory.Id, factory.Industry, input.ToDetails(), today, by, at);

    public override void Update(WaterDemand stream, FactoryFacts factory, WaterDemandStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        stream.Update(factory.Industry, input.ToDetails(), today, by, at);

    protected override IEnumerable<ParameterValue> MeasuredValues(WaterDemand stream) => stream.CurrentWaterQuality;
}

public sealed class HeatStreams(IEcoParkDbContextFactory dbFactory, IValidator<HeatStreamInput> validator, TimeProvider clock, IStringLocalizer<Messages> l,
    StreamMatching matching)
    : StreamHandler<HeatStream, HeatStreamInput>(dbFactory, validator, clock, l, matching)
{
    public override DbSet<HeatStream> Set(IEcoParkDbContext db) => db.HeatStreams;

    public override HeatStreamInput ToInput(HeatStream stream) => HeatStreamInput.From(stream);

    public override HeatStream Create(FactoryFacts factory, HeatStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        new(Guid.NewGuid(), factory.Id, input.ToDetails(), by, at);

    public override void Update(HeatStream stream, FactoryFacts factory, HeatStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        stream.Update(input.ToDetails(), by, at);

    protected override IReadOnlyDictionary<string, decimal> Figures(HeatStream stream) =>
        new Dictionary<string, decimal> { ["loadKw"] = stream.LoadKw, ["annualMwh"] = Math.Round(stream.AnnualKwh / 1000, 1) };
}

public sealed class ByproductStreams(IEcoParkDbContextFactory dbFactory, IValidator<ByproductStreamInput> validator, TimeProvider clock, IStringLocalizer<Messages> l,
    StreamMatching matching)
    : StreamHandler<ByproductStream, ByproductStreamInput>(dbFactory, validator, clock, l, matching)
{
    public override DbSet<ByproductStream> Set(IEcoParkDbContext db) => db.ByproductStreams;

    public override ByproductStreamInput ToInput(ByproductStream stream) => ByproductStreamInput.From(stream);

    public override ByproductStream Create(FactoryFacts factory, ByproductStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        new(Guid.NewGuid(), factory.Id, input.ToDetails(), today, by, at);

    public override void Update(ByproductStream stream, FactoryFacts factory, ByproductStreamInput input, DateOnly today, Guid by, DateTimeOffset at) =>
        stream.Update(input.ToDetails(), today, by, at);

    protected override IEnumerable<ParameterValue> MeasuredValues(ByproductStream stream) => stream.Properties;
}

/// <summary>The quality rule data a form needs: the parameter catalogue and the baseline limits in effect.</summary>
public sealed class QualityReference(IEcoParkDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<BaselineLimitSet?> BaselineAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var sets = await db.BaselineLimitSets.AsNoTracking().ToListAsync(cancellationToken);
        return BaselineLimitSet.EffectiveOn(sets, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
    }
}
