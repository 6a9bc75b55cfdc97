using System.Text.Json;
using System.Text.Json.Serialization;
using EcoPark.Application.Abstractions;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Matching;

/// <summary>
/// The matching rule data in effect: the parameter version and treatment catalogue stored as JSON rows,
/// and the baseline limits, each chosen by its effective date.
/// </summary>
public sealed class MatchingRules(TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string Serialize<T>(T rules) => JsonSerializer.Serialize(rules, Json);

    public async Task<WaterMatchContext> ContextAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.MatchingRuleSets.AsNoTracking().ToListAsync(cancellationToken);
        var today = Today;
        var parameters = MatchingParameters.EffectiveOn(Read<MatchingParameters>(records, MatchingRuleKind.Parameters), today)
            ?? throw new InvalidOperationException("No matching parameters are in effect; the reference data was not seeded.");
        var treatments = TreatmentCatalogue.EffectiveOn(Read<TreatmentCatalogue>(records, MatchingRuleKind.Treatments), today)
            ?? throw new InvalidOperationException("No treatment catalogue is in effect; the reference data was not seeded.");
        var baseline = BaselineLimitSet.EffectiveOn(await db.BaselineLimitSets.AsNoTracking().ToListAsync(cancellationToken), today);
        return new WaterMatchContext(parameters, treatments, baseline, today);
    }

    private static IEnumerable<T> Read<T>(IEnumerable<MatchingRuleSetRecord> records, MatchingRuleKind kind) =>
        records.Where(r => r.Kind == kind).Select(r => JsonSerializer.Deserialize<T>(r.Json, Json)!);
}
