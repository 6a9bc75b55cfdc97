using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ValidationException = FluentValidation.ValidationException;

namespace EcoPark.Application.Allocation;

/// <summary>A link of a run with the match case that follows it.</summary>
public sealed record AllocationProposedLink(Guid SupplyStreamId, Guid DemandStreamId, Guid MatchId);

/// <summary>A link that could not be proposed, and why (in the reader's language).</summary>
public sealed record AllocationRefusedLink(Guid SupplyStreamId, Guid DemandStreamId, string Reason);

/// <summary>What "propose selected" did: the cases it opened, the links a case already followed, and the links refused.</summary>
public sealed record AllocationProposalResult(IReadOnlyList<AllocationProposedLink> Opened, IReadOnlyList<AllocationProposedLink> AlreadyOpen,
    IReadOnlyList<AllocationRefusedLink> Refused);

/// <summary>
/// "Propose selected" on a run's result: one proposed match case per chosen link, in one step, each taken up exactly as the
/// workbench takes up a pair (<see cref="MatchCases.TakeUpAsync"/>, with its explanation and its refusals). A link already
/// followed by an open case (one per pair, kept by the database's unique index even under races) is not opened again; the
/// answer names it with its case.
/// </summary>
public sealed class AllocationProposals(AllocationRuns runs, MatchCases cases, IEcoParkDbContextFactory dbFactory, IStringLocalizer<Messages> l)
{
    public async Task<AllocationProposalResult> ProposeAsync(Caller caller, Guid parkId, Guid runId, IReadOnlyList<AllocationPairKey> links, string? note,
        CancellationToken cancellationToken = default)
    {
        var run = await runs.GetAsync(caller, parkId, runId, cancellationToken);
        var (opened, alreadyOpen, refused) = (new List<AllocationProposedLink>(), new List<AllocationProposedLink>(), new List<AllocationRefusedLink>());
        foreach (var key in links.Distinct())
        {
            var link = run.Links.FirstOrDefault(k => k.SupplyStreamId == key.SupplyStreamId && k.DemandStreamId == key.DemandStreamId);
            if (link is null)
            {
                refused.Add(new(key.SupplyStreamId, key.DemandStreamId, l["Allocation.NotALink"]));
                continue;
            }

            if (link.MatchId is { } followed)
            {
                alreadyOpen.Add(new(key.SupplyStreamId, key.DemandStreamId, followed));
                continue;
            }

            try
            {
                var match = await cases.TakeUpAsync(caller, new TakeUpInput { SupplyStreamId = key.SupplyStreamId, DemandStreamId = key.DemandStreamId, Note = note },
                    cancellationToken);
                opened.Add(new(key.SupplyStreamId, key.DemandStreamId, match.Id));
            }
            catch (Exception e) when (e is ValidationException or NotFoundException or ForbiddenException or ConflictException)
            {
                // Taken up by someone else since the run was read: the open pair's unique index refused the second case.
                if (await OpenCaseAsync(key, cancellationToken) is { } raced)
                {
                    alreadyOpen.Add(new(key.SupplyStreamId, key.DemandStreamId, raced));
                    continue;
                }

                refused.Add(new(key.SupplyStreamId, key.DemandStreamId, e is ValidationException v ? string.Join(" ", v.Errors.Select(x => x.ErrorMessage)) : e.Message));
            }
        }

        return new AllocationProposalResult(opened, alreadyOpen, refused);
    }

    private async Task<Guid?> OpenCaseAsync(AllocationPairKey key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.MatchCases.AsNoTracking()
            .Where(m => m.SupplyStreamId == key.SupplyStreamId && m.DemandStreamId == key.DemandStreamId && m.State != MatchState.Declined && m.State != MatchState.Ended)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
