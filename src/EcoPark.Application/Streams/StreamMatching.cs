using EcoPark.Application.Abstractions;
using EcoPark.Application.Matching;

namespace EcoPark.Application.Streams;

/// <summary>What the stream handlers need of matching: the stored candidates to refresh after a change, and the stale age of the rules in force.</summary>
public sealed class StreamMatching(CandidateStore candidates, MatchingRules rules)
{
    public CandidateStore Candidates => candidates;

    /// <summary>Lab and online values older than this (the matching parameters in force) are flagged as stale.</summary>
    public async Task<int> StaleAfterDaysAsync(IEcoParkDbContext db, CancellationToken cancellationToken) =>
        (await rules.ParametersAsync(db, cancellationToken)).StaleAfterDays;
}
