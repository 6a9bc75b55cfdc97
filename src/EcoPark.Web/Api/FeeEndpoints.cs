using EcoPark.Application.Fees;
using EcoPark.Domain.Access;
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
        fees.MapPost("/calculate", async (FeeCalculationRequest request, Caller caller, FeeCalculator calculator, CancellationToken ct) =>
                TypedResults.Ok(await calculator.CalculateAsync(caller, request, ct)))
            .WithSummary("Stateless fee calculation under regulation-2023 or draft-2019");
        fees.MapGet("/rule-sets", async (FeeRules rules, CancellationToken ct) => TypedResults.Ok(await rules.VersionsAsync(ct)))
            .WithSummary("Every rule-set version, newest first");
        fees.MapPost("/rule-sets/{code}/versions", async (string code, NewRuleSetVersion body, Caller caller, FeeRules rules, CancellationToken ct) =>
                TypedResults.Ok(await rules.AddVersionAsync(caller, code, body.EffectiveFrom, body.Regulation2023, body.Draft2019, body.Note, ct)))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Add the next version of a rule set (administrators)");
        fees.MapGet("/benchmarks", async (FeeRules rules, CancellationToken ct) => TypedResults.Ok(await rules.BenchmarksAsync(ct)))
            .WithSummary("Industry recycling-rate benchmark ranges (official = false marks illustrative values)");

        var cases = api.MapGroup("/fee-cases").WithTags("Fee cases").RequireAuthorization(Policies.FeeCaseWorkers);
        cases.MapPost("/", async (OpenFeeCaseInput input, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            var id = await handler.OpenAsync(caller, input, ct);
            return TypedResults.Created(LocalPath.Of($"/api/v1/fee-cases/{id}"), new { id });
        });
        cases.MapGet("/", async (int? feeYear, Caller caller, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(caller, feeYear, ct)));
        cases.MapGet("/{id:guid}", async (Guid id, Caller caller, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(caller, id, ct)));
        cases.MapPut("/{id:guid}/months", async (Guid id, FeeCaseMonthInput input, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            await handler.SetMonthAsync(caller, id, input, ct);
            return TypedResults.NoContent();
        }).WithSummary("Set one month's volumes; changing a month that has figures needs a reason");
        cases.MapPut("/{id:guid}/verification", async (Guid id, VerificationInput input, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            await handler.RecordVerificationAsync(caller, id, input, ct);
            return TypedResults.NoContent();
        });
        cases.MapPost("/{id:guid}/claims", async (Guid id, ClaimInput input, Caller caller, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(new { id = await handler.AddClaimAsync(caller, id, input, ct) }));
        cases.MapPost("/{id:guid}/claims/{claimId:guid}/decision", async (Guid id, Guid claimId, ClaimDecisionInput input, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            await handler.DecideClaimAsync(caller, id, claimId, input, ct);
            return TypedResults.NoContent();
        });
        cases.MapPost("/{id:guid}/evidence", async (Guid id, IFormFile file, [FromForm] string kind, [FromForm] Guid? claimId, Caller caller,
            FeeCases handler, IStringLocalizer<EcoPark.Application.Messages> messages, CancellationToken ct) =>
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

            var evidenceId = await handler.AddEvidenceAsync(caller, id, evidenceKind, claimId, file.FileName, content, ct);
            return TypedResults.Ok(new { id = evidenceId });
        }).DisableAntiforgery().WithSummary("Attach a PDF, PNG, JPEG or XLSX file (≤ 10 MB); stored with its SHA-256");
        cases.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            var evidence = await handler.GetEvidenceAsync(caller, id, evidenceId, ct);
            return TypedResults.File(evidence.Content, evidence.ContentType, evidence.FileName);
        });
        cases.MapPost("/{id:guid}/calculate", async (Guid id, Caller caller, FeeCases handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.CalculateAsync(caller, id, ct)));
        cases.MapPost("/{id:guid}/decide", async (Guid id, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            await handler.DecideAsync(caller, id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Decide the case and issue the payment notice; the case is immutable afterwards");
        cases.MapPost("/{id:guid}/re-examinations", async (Guid id, ReexaminationRequest body, Caller caller, FeeCases handler, CancellationToken ct) =>
        {
            var next = await handler.ReexamineAsync(caller, id, body.Reason, ct);
            return TypedResults.Created(LocalPath.Of($"/api/v1/fee-cases/{next}"), new { id = next });
        });
        cases.MapGet("/{id:guid}/notice", async (Guid id, Caller caller, FeeCases handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            TypedResults.Content(PaymentNoticeDocument.Html(await handler.NoticeAsync(caller, id, ct), l), "text/html; charset=utf-8"))
            .WithSummary("The payment notice as printable HTML");
        cases.MapGet("/{id:guid}/notice.xlsx", async (Guid id, Caller caller, FeeCases handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var notice = await handler.NoticeAsync(caller, id, ct);
            return TypedResults.File(PaymentNoticeDocument.Xlsx(notice, l), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{notice.NoticeNumber}.xlsx");
        }).WithSummary("The payment notice as an Excel workbook");
        return api;
    }
}
