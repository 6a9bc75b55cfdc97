using EcoPark.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Users;

/// <summary>What signed-in users change about themselves.</summary>
public sealed class UserPreferences(IEcoParkDbContextFactory dbFactory)
{
    /// <summary>Remembers the UI language, so that it follows the user to other browsers at the next sign-in.</summary>
    public async Task SaveCultureAsync(Guid userId, string culture, CancellationToken cancellationToken = default)
    {
        if (!SupportedCultures.IsSupported(culture))
        {
            return;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture), cancellationToken);
    }
}
