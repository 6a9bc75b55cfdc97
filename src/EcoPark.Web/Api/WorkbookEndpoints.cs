using EcoPark.Application.Workbooks;
using EcoPark.Domain.Access;
using EcoPark.Web.Security;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Api;

/// <summary>The filing workbook of a factory: template, export and all-or-nothing import.</summary>
internal static class WorkbookEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapWorkbookEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/factories/{factoryId:guid}/workbook").WithTags("Excel workbook");
        group.MapGet("/template", async (Guid factoryId, Caller caller, FilingWorkbooks workbooks, CancellationToken ct) =>
                TypedResults.File(await workbooks.TemplateAsync(caller, factoryId, ct), ContentType, "ecopark-filing-template.xlsx"))
            .WithSummary("A blank .xlsx with bilingual headers: a month's water balance and every stream sheet");
        group.MapGet("/", async (Guid factoryId, Caller caller, FilingWorkbooks workbooks, CancellationToken ct) =>
                TypedResults.File(await workbooks.ExportAsync(caller, factoryId, ct), ContentType, "ecopark-filings.xlsx"))
            .WithSummary("Every filing and stream of the factory, in the template's layout");
        group.MapPost("/", async (Guid factoryId, IFormFile file, Caller caller, FilingWorkbooks workbooks,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (file.Length > FilingWorkbooks.MaxBytes)
                {
                    throw new BadHttpRequestException(l["Workbook.TooLarge", FilingWorkbooks.MaxBytes / 1024 / 1024]);
                }

                await using var content = file.OpenReadStream();
                var result = await workbooks.ImportAsync(caller, factoryId, content, ct);
                return result.Saved
                    ? Results.Ok(result)
                    : Results.Problem(title: l["Workbook.Refused", result.Problems.Count], statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["problems"] = result.Problems, ["rows"] = result.Rows });
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("Import a workbook: every row is checked; all of it is saved, or nothing and every problem by sheet, row and column");
        return api;
    }
}
