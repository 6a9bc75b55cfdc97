using FluentValidation;

namespace EcoPark.Web.Shared;

/// <summary>
/// Runs a FluentValidation validator field by field for a MudForm (<c>Validation="..."</c>), plus the
/// errors the server returned for a field (a duplicate, say) until that field is edited. When the form edits
/// a mutable model rather than the (init-only) input itself, <paramref name="toInput"/> maps it, so the
/// validator stays the only place the rules are written.
/// </summary>
public sealed class FormValidation<T>(IValidator<T> validator, Func<object, T>? toInput = null)
{
    private readonly Dictionary<string, string[]> serverErrors = new(StringComparer.OrdinalIgnoreCase);

    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions(toInput is null ? (T)model : toInput(model), o => o.IncludeProperties(propertyName)));
        var messages = result.Errors.Select(e => e.ErrorMessage);
        return serverErrors.TryGetValue(propertyName, out var fromServer) ? messages.Concat(fromServer).Distinct() : messages;
    };

    /// <summary>Keeps a rejected save's errors so the form shows them on their fields.</summary>
    public void SetServerErrors(ValidationException exception)
    {
        serverErrors.Clear();
        foreach (var group in exception.Errors.GroupBy(e => e.PropertyName))
        {
            serverErrors[group.Key] = [.. group.Select(e => e.ErrorMessage)];
        }
    }

    public void ClearServerError(string propertyName) => serverErrors.Remove(propertyName);
}
