using EcoPark.Application.Users;
using FluentValidation;
using Microsoft.AspNetCore.Identity.Data;

namespace EcoPark.Web.Api;

/// <summary>
/// Checks the body of Identity's <c>POST /api/v1/auth/login</c> with the sign-in form's validator before
/// Identity sees it, so that a missing or null e-mail or password is a 400 naming the field.
/// </summary>
internal sealed class LoginBodyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var login in context.Arguments.OfType<LoginRequest>())
        {
            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<LoginInput>>();
            await validator.ValidateAndThrowAsync(new LoginInput { Email = login.Email ?? string.Empty, Password = login.Password ?? string.Empty },
                context.HttpContext.RequestAborted);
        }

        return await next(context);
    }
}
