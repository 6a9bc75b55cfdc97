namespace EcoPark.Application;

/// <summary>
/// Marker for the use cases' user-facing texts (Resources/Messages.resx in English and
/// Resources/Messages.zh-TW.resx in Traditional Chinese), read through IStringLocalizer&lt;Messages&gt;.
/// </summary>
public sealed class Messages;
