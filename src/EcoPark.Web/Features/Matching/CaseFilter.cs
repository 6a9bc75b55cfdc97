using System.Globalization;
using EcoPark.Application.Matching;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;

namespace EcoPark.Web.Features.Matching;

/// <summary>
/// The matches a link asks the workbench to list: those of a resource and of some states (either may be absent), as in
/// <c>matching?park=…&amp;resource=water&amp;state=agreed,operating</c>. Unknown resources and states are ignored.
/// </summary>
public sealed record CaseFilter(string? Resource, IReadOnlyList<string> States)
{
    /// <summary>The states in which an agreement holds: those the predicted flows, savings and CO₂e are counted from.</summary>
    public static readonly string[] Committed = [.. new[] { MatchState.Agreed, MatchState.Permits, MatchState.Built, MatchState.Operating }.Select(s => s.Key())];

    public bool IsEmpty => Resource is null && States.Count == 0;

    public static CaseFilter Of(string? resource, string? states)
    {
        var wanted = (states ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CaseFilter(
            EnumKeys.All<ResourceKind>().FirstOrDefault(r => string.Equals(r, resource?.Trim(), StringComparison.OrdinalIgnoreCase)),
            [.. EnumKeys.All<MatchState>().Where(s => wanted.Contains(s, StringComparer.OrdinalIgnoreCase))]);
    }

    public bool Shows(MatchCaseDto match) => (Resource is null || match.Resource == Resource) && (States.Count == 0 || States.Contains(match.State));

    /// <summary>The workbench's address listing a park's (or, with no park, the first park's) matches of a resource and states.</summary>
    public static string Link(Guid? park, string? resource, params IEnumerable<string> states)
    {
        var query = new List<string>();
        if (park is { } id)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"park={id}"));
        }

        if (resource is not null)
        {
            query.Add("resource=" + Uri.EscapeDataString(resource));
        }

        var list = string.Join(',', states);
        if (list.Length > 0)
        {
            query.Add("state=" + Uri.EscapeDataString(list));
        }

        return query.Count == 0 ? "matching" : "matching?" + string.Join('&', query);
    }
}
