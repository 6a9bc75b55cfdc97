namespace EcoPark.Web;

/// <summary>
/// Marker for the UI texts: Resources/SharedResource.resx (English) and Resources/SharedResource.zh-TW.resx
/// (Traditional Chinese, the default UI language). Every user-facing string goes through these.
/// </summary>
public sealed class SharedResource;
