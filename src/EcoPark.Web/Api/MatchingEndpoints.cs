using EcoPark.Application;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Matching;
using EcoPark.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Api;

/// <summary>Matching: the stateless evaluation, ranked candidates with explanations, opportunities, and the match lifecycle.</summary>
internal static class MatchingEndpoints
{
    public sealed record ParametersVersion(MatchingParameters? Parameters, string? Note);

    public sealed record TreatmentsVersion(TreatmentCatalogue? Catalogue, string? Note);

    public static RouteGroupBuilder MapMatchingEndpoints(this RouteGroupBuilder api)
    {
        var matching = api.MapGroup("/matching").WithTags("Matching");
        matching.MapPost("/water/evaluate", async (EvaluateWaterRequest request, Matchmaking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.EvaluateWaterAsync(request, ct)))
            .WithSummary("Judge one effluent against one water need: parameters, blockers, treatment, flow, distance, economics and CO₂e; nothing is stored");
        matching.MapPost("/heat/evaluate", async (EvaluateHeatRequest request, Matchmaking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.EvaluateHeatAsync(request, ct)))
            .WithSummary("Judge one heat supply against one heat demand: verdict, ΔT_min, deliverable and delivered kW, heat pump, economics and CO₂e; nothing is stored");
        matching.MapPost("/byproducts/evaluate", async (EvaluateByproductRequest request, Matchmaking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.EvaluateByproductAsync(request, ct)))
            .WithSummary("Judge one by-product on offer against one material need: codes, properties, quantity, transport, economics and CO₂e; nothing is stored");
        matching.MapGet("/parks/{parkId:guid}/candidates", async (Guid parkId, string? resource, string? status, decimal? minBenefit, bool? includeBlocked,
                bool? feasibleOnly, string? page, string? pageSize, string? sort, Caller caller, Matchmaking handler,
                IStringLocalizer<Messages> l, CancellationToken ct) =>
                TypedResults.Ok(await handler.ParkCandidatesAsync(caller, parkId,
                    new CandidateFilter(resource, status, minBenefit, includeBlocked ?? false, feasibleOnly ?? false), CandidatePaging.Parse(page, pageSize, sort, l), ct)))
            .WithSummary("One page of the stored candidates with a side in the park (staff): { items, total, totalIsLowerBound }; total counts up to 1,000 "
                + "(beyond, totalIsLowerBound is true); page (from 1), pageSize (≤ 200, default 50), "
                + "sort (rank, the default: feasible first, then net annual benefit, then margin; or quantity, distance, benefit, co2e, payback, a leading '-' for descending)");
        matching.MapPost("/candidates/rebuild", async (CandidateStore store, CancellationToken ct) =>
                TypedResults.Accepted(LocalPath.Of($"/api/v1/matching/candidates/progress"), new { queued = await store.EnqueueRebuildAsync(ct) is not null }))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Rebuild the stored candidates from scratch in the background (administrators); queued once while one waits");
        matching.MapGet("/candidates/progress", async (CandidateStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ProgressAsync(ct) is { } progress ? new { recomputing = true, progress.Done, progress.Total } : new { recomputing = false, Done = 0, Total = 0 }))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Whether candidate recomputations are waiting or running, and how many of their batch are done (staff)");
        matching.MapGet("/streams/{streamId:guid}/candidates", async (Guid streamId, Caller caller, Matchmaking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.StreamCandidatesAsync(caller, streamId, ct)))
            .WithSummary("Ranked candidates for one stream, each with its full explanation (staff)");
        matching.MapGet("/pairs/{supplyStreamId:guid}/{demandStreamId:guid}", async (Guid supplyStreamId, Guid demandStreamId, Caller caller, Matchmaking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ExplainAsync(caller, supplyStreamId, demandStreamId, ct)))
            .WithSummary("One pair's explanation: per-parameter table, reason codes, treatment, economics and the inputs behind each figure");
        matching.MapGet("/opportunities", async (Caller caller, Matchmaking handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.OpportunitiesAsync(caller, ct)))
            .WithSummary("The engineer's own streams' opportunities, anonymised until staff introduce the parties");

        matching.MapGet("/rule-sets", async (MatchingRules rules, CancellationToken ct) => TypedResults.Ok(await rules.VersionsAsync(ct)))
            .WithSummary("The stored versions of the matching parameters and treatment catalogue");
        matching.MapGet("/rule-sets/{kind}/{version}", async (string kind, string version, MatchingRules rules, CancellationToken ct) =>
                TypedResults.Text(await rules.JsonAsync(kind, version, ct), "application/json"))
            .WithSummary("One version as JSON (kind: parameters or treatments), to read or to copy into the next");
        matching.MapPost("/rule-sets/parameters", async (ParametersVersion body, Caller caller, MatchingRules rules, CancellationToken ct) =>
            {
                var added = await rules.AddParametersAsync(caller, body.Parameters, body.Note, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/matching/rule-sets/parameters/{added.Version}"), added);
            })
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Add a parameter version (administrators); it is checked before it is stored and takes effect on its date");
        matching.MapPost("/rule-sets/treatments", async (TreatmentsVersion body, Caller caller, MatchingRules rules, CancellationToken ct) =>
            {
                var added = await rules.AddTreatmentsAsync(caller, body.Catalogue, body.Note, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/matching/rule-sets/treatments/{added.Version}"), added);
            })
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Add a treatment-catalogue version (administrators)");

        var matches = api.MapGroup("/matches").WithTags("Matching");
        matches.MapGet("/", async (Guid parkId, string? state, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(caller, parkId, state, ct)))
            .WithSummary("The park's matches, latest activity first");
        matches.MapGet("/{id:guid}", async (Guid id, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(caller, id, ct)))
            .WithSummary("A match with every step");
        matches.MapPost("/", async (TakeUpInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
            {
                var match = await handler.TakeUpAsync(caller, input, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/matches/{match.Id}"), match);
            })
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Take up a candidate pair (and propose it)");
        matches.MapPost("/{id:guid}/advance", async (Guid id, AdvanceInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AdvanceAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Move one state forward, with the date and a note");
        matches.MapPost("/{id:guid}/agree", async (Guid id, AgreeInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AgreeAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Record the agreement: quantity and credit split");
        matches.MapPost("/{id:guid}/decline", async (Guid id, DeclineInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DeclineAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Decline, with a reason");
        matches.MapPost("/{id:guid}/notes", async (Guid id, MatchNoteInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AddNoteAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("A dated note on the current step");
        matches.MapPost("/{id:guid}/months", async (Guid id, MatchMonthInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RecordMonthAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Record a measured month of an operating match");
        matches.MapPost("/{id:guid}/quotes", async (Guid id, MatchQuoteInput input, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RecordQuoteAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Record a quote on a match (park staff), of a kind its resource takes (water: pipe, treatmentCapex, treatmentOpex, transferPrice; heat: pipe, exchangerCapex, operatingCost, transferPrice; by-product: transport, treatmentCapex, treatmentOpex, transferPrice), with source and date; the match is evaluated again with it");
        matches.MapPost("/{id:guid}/consent", async (Guid id, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ConsentAsync(caller, id, ct)))
            .WithSummary("An engineer consents to be introduced to the other party; the answer is the engineer's anonymised view of the match");
        matches.MapPost("/{id:guid}/join", async (Guid id, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.JoinAsync(caller, id, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Staff of the other side's park take part in a match across the park boundary (needed before the introduction)");
        matches.MapPost("/{id:guid}/introduce", async (Guid id, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.IntroduceAsync(caller, id, ct)))
            .WithSummary("Staff introduce both parties by name (both must have consented)");
        matches.MapPost("/{id:guid}/documents", async (Guid id, IFormFile file, Caller caller, MatchCases handler, CancellationToken ct) =>
            {
                if (file.Length > Application.Fees.EvidencePolicy.MaxBytes)
                {
                    throw new BadHttpRequestException("The file is larger than 10 MB.", StatusCodes.Status413PayloadTooLarge);
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return TypedResults.Ok(await handler.AddDocumentAsync(caller, id, file.FileName, buffer.ToArray(), ct));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Keep a file with the match at its current step (PDF, PNG, JPEG or XLSX, ≤ 10 MB; stored with its SHA-256)");
        matches.MapPost("/{id:guid}/consent-on-behalf", async (Guid id, [FromForm] string? side, [FromForm] string? signedBy, [FromForm] string? signedOn,
                IFormFile? file, Caller caller, MatchCases handler, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                if (file?.Length > Application.Fees.EvidencePolicy.MaxBytes)
                {
                    throw new BadHttpRequestException("The file is larger than 10 MB.", StatusCodes.Status413PayloadTooLarge);
                }

                using var buffer = new MemoryStream();
                if (file is not null)
                {
                    await file.CopyToAsync(buffer, ct);
                }

                return TypedResults.Ok(await handler.ConsentOnBehalfAsync(caller, id, ConsentOnBehalfInput.FromForm(side, signedBy, signedOn, l),
                    file?.FileName, file is null ? null : buffer.ToArray(), ct));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Staff record one side's consent on behalf of a factory without an engineer account (multipart: side = supplier|buyer, signedBy, "
                + "signedOn = yyyy-MM-dd, file = the signed letter, PDF/PNG/JPEG ≤ 10 MB); the letter is kept with the match and the consent names who recorded it");
        matches.MapGet("/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, Caller caller, MatchCases handler,
                CancellationToken ct) =>
            {
                var document = await handler.GetDocumentAsync(caller, id, documentId, ct);
                return TypedResults.File(document.Content, document.ContentType, document.FileName);
            })
            .WithSummary("Download a match's file");
        api.MapGet("/parks/{parkId:guid}/match-credits", async (Guid parkId, Caller caller, MatchCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CreditsAsync(caller, parkId, ct)))
            .WithTags("Matching")
            .WithSummary("What the park's committed matches save, credited to each factory once");
        return api;
    }
}
