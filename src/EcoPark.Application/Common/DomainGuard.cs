using EcoPark.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Common;

/// <summary>
/// Turns an aggregate's refusal (<see cref="DomainException"/>) into the same 400 a validator gives: the
/// field it names and the message in the user's language (<c>Domain.{code}</c>, or the English text when
/// no translation exists).
/// </summary>
public static class DomainGuard
{
    public static T Run<T>(IStringLocalizer<Messages> l, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DomainException e)
        {
            throw Invalid(e.Field, Message(l, e));
        }
    }

    public static void Run(IStringLocalizer<Messages> l, Action action) => Run(l, () =>
    {
        action();
        return true;
    });

    public static string Message(IStringLocalizer<Messages> l, DomainException e)
    {
        var text = l["Domain." + e.Code];
        return text.ResourceNotFound ? e.Message : text.Value;
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
