using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcoPark.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager buttons, "close", "clear", the loading line of a table) from the shared resources, as
/// <c>Mud.{MudBlazor's key}</c>, so that a Chinese page shows no English label; a key without a resource keeps
/// MudBlazor's English.
/// </summary>
internal sealed class ResourceMudLocalizer(IStringLocalizer<SharedResource> l) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = l["Mud." + key];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text.Value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = l["Mud." + key, arguments];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text.Value);
        }
    }
}
