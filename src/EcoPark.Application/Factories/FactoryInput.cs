namespace EcoPark.Application.Factories;

/// <summary>What a user types to register or edit a factory; bound by the form and by the API.</summary>
public sealed class FactoryInput
{
    public Guid ParkId { get; set; }

    public string NameZh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string UnifiedBusinessNumber { get; set; } = string.Empty;

    /// <summary>An industry key such as <c>dyeing</c> or <c>wwtp</c>.</summary>
    public string Industry { get; set; } = string.Empty;

    public string TsicCode { get; set; } = string.Empty;

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string ContactName { get; set; } = string.Empty;

    public string ContactPhone { get; set; } = string.Empty;

    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>The version the user started editing from; ignored when registering.</summary>
    public uint Version { get; set; }
}
