using EcoPark.Application.Fees;
using EcoPark.Application.Users;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using EcoPark.Web.Features.Fees;
using EcoPark.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Api;

/// <summary>The fee calculator, rule sets and the auditor's fee cases.</summary>
internal static class FeeEndpoints
{
    public sealed record NewRuleSetVersion(DateOnly EffectiveFrom, Regulation2023Rules? Regulation2023, Draft2019Rules? Draft2019, string Note);

    public sealed record ReexaminationRequest(string Reason);

    public static RouteGroupBuilder MapFeeEndpoints(this RouteGroupBuilder api)
    {
        var fees = api.MapGroup("/fees").WithTags("Fees");
        fees.MapPost("/calculate", async (FeeCalculationRequest request, HttpContext http, CallerLoader callers, FeeCalculator calculator, CancellationToken ct) =>
                TypedResults.Ok(await calculator.CalculateAsync(await callers.LoadAsync(http.User, ct), request, ct)))
            .WithSummary("Stateless fee calculation under regulation-2023 or draft-2019");
        fees.MapGet("/rule-sets", async (FeeRules rules, CancellationToken ct) => TypedResults.Ok(await rules.VersionsAsync(ct)))
            .WithSummary("Every rule-set version, newest first");
        fees.MapPost("/rule-sets/{code}/versions", async (string code, NewRuleSetVersion body, HttpContext http, CallerLoader callers, FeeRules rules, CancellationToken ct) =>
                TypedResults.Ok(await rules.AddVersionAsync(await callers.LoadAsync(http.User, ct), code, body.EffectiveFrom, body.Regulation2023, body.Draft2019, body.Note, ct)))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Add the next version of a rule set (administrators)");
        fees.MapGet("/benchmarks", async (FeeRules rules, CancellationToken ct) => TypedResults.Ok(await rules.BenchmarksAsync(ct)))
            .WithSummary("Industry recycling-rate benchmark ranges (official = false marks illustrative values)");

        var cases = api.MapGroup("/fee-cases").WithTags("Fee cases").RequireAuthorization(Policies.FeeCaseWorkers);
        cases.MapPost("/", async (OpenFeeCaseInput input, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
        {
            var id = await handler.OpenAsync(await callers.LoadAsync(http.User, ct), input, ct);
            return TypedResults.Created(LocalPath.Of($"/api/v1/fee-cases/{id}"), new { id });
        });
        cases.MapGet("/", async (int? feeYear, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(await callers.LoadAsync(http.User, ct), feeYear, ct)));
        cases.MapGet("/{id:guid}", async (Guid id, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(await callers.LoadAsync(http.User, ct), id, ct)));
        cases.MapPut("/{id:guid}/months", async (Guid id, FeeCaseMonthInput input, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
        {
            await handler.SetMonthAsync(await callers.LoadAsync(http.User, ct), id, input, ct);
            return TypedResults.NoContent();
        }).WithSummary("Set one month's volumes; changing a month that has figures needs a reason");
        cases.MapPut("/{id:guid}/verification", async (Guid id, VerificationInput input, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
        {
            await handler.RecordVerificationAsync(await callers.LoadAsync(http.User, ct), id, input, ct);
            return TypedResults.NoContent();
        });
        cases.MapPost("/{id:guid}/claims", async (Guid id, ClaimInput input, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(new { id = await handler.AddClaimAsync(await callers.LoadAsync(http.User, ct), id, input, ct) }));
        cases.MapPost("/{id:guid}/claims/{claimId:guid}/decision", async (Guid id, Guid claimId, ClaimDecisionInput input, HttpContext http, CallerLoader callers,
            FeeCases handler, CancellationToken ct) =>
        {
            await handler.DecideClaimAsync(await callers.LoadAsync(http.User, ct), id, claimId, input, ct);
            return TypedResults.NoContent();
        });
        cases.MapPost("/{id:guid}/evidence", async (Guid id, IFormFile file, [FromForm] string kind, [FromForm] Guid? claimId, HttpContext http,
            CallerLoader callers, FeeCases handler, IStringLocalizer<EcoPark.Application.Messages> messages, CancellationToken ct) =>
        {
            if (!EnumKeys.TryParse<EvidenceKind>(kind, out var evidenceKind))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("kind", messages["Fee.Evidence.Kind.Unknown"])]);
            }

            // Read one byte past the limit at most: enough for the handler to refuse an oversized file.
            var content = new byte[Math.Min(file.Length, EvidencePolicy.MaxBytes + 1)];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, ct);
            }

            var evidenceId = await handler.AddEvidenceAsync(await callers.LoadAsync(http.User, ct), id, evidenceKind, claimId, file.FileName, content, ct);
            return TypedResults.Ok(new { id = evidenceId });
        }).DisableAntiforgery().WithSummary("Attach a PDF, PNG, JPEG or XLSX file (≤ 10 MB); stored with its SHA-256");
        cases.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
        {
            var evidence = await handler.GetEvidenceAsync(await callers.LoadAsync(http.User, ct), id, evidenceId, ct);
            return TypedResults.File(evidence.Content, evidence.ContentType, evidence.FileName);
        });
        cases.MapPost("/{id:guid}/calculate", async (Guid id, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CalculateAsync(await callers.LoadAsync(http.User, ct), id, ct)));
        cases.MapPost("/{id:guid}/decide", async (Guid id, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
        {
            await handler.DecideAsync(await callers.LoadAsync(http.User, ct), id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Decide the case and issue the payment notice; the case is immutable afterwards");
        cases.MapPost("/{id:guid}/re-examinations", async (Guid id, ReexaminationRequest body, HttpContext http, CallerLoader callers, FeeCases handler, CancellationToken ct) =>
        {
            var next = await handler.ReexamineAsync(await callers.LoadAsync(http.User, ct), id, body.Reason, ct);
            return TypedResults.Created(LocalPath.Of($"/api/v1/fee-cases/{next}"), new { id = next });
        });
        cases.MapGet("/{id:guid}/notice", async (Guid id, HttpContext http, CallerLoader callers, FeeCases handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            TypedResults.Content(PaymentNoticeDocument.Html(await handler.NoticeAsync(await callers.LoadAsync(http.User, ct), id, ct), l), "text/html; charset=utf-8"))
            .WithSummary("The payment notice as printable HTML");
        cases.MapGet("/{id:guid}/notice.xlsx", async (Guid id, HttpContext http, CallerLoader callers, FeeCases handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var notice = await handler.NoticeAsync(await callers.LoadAsync(http.User, ct), id, ct);
            return TypedResults.File(PaymentNoticeDocument.Xlsx(notice, l), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{notice.NoticeNumber}.xlsx");
        }).WithSummary("The payment notice as an Excel workbook");
        return api;
    }
}
