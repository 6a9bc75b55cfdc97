namespace EcoPark.Domain.Streams;

/// <summary>
/// The few properties of water and steam that heat matching needs to count a condensing steam supply's latent heat
/// (docs/decisions/0005-matching-model.md). Physical approximations, not rule data.
/// </summary>
/// <remarks>
/// <para>Saturation temperature T_sat (°C) ≈ 100 × (p_abs ÷ 1.01325 bar)^0.25, p_abs = p_g + 1.01325: within about 2 K from 1 to 20 bar g.</para>
/// <para>Latent heat h_fg (kJ/kg) ≈ 2,501 − 2.44 × T_sat: 2,257 at 100 °C, within about 3 % up to 200 °C.</para>
/// <para>Specific enthalpy above water at 0 °C: liquid 4.19 × T; steam 4.19 × T_sat + h_fg + 2.0 × (T − T_sat).</para>
/// </remarks>
public static class SteamProperties
{
    public const decimal LiquidKjPerKgK = 4.19m;

    public const decimal VapourKjPerKgK = 2.0m;

    public static decimal SaturationTemperatureC(decimal pressureBarG) =>
        (decimal)(100 * Math.Pow((double)((pressureBarG + 1.01325m) / 1.01325m), 0.25));

    public static decimal LatentKjPerKg(decimal saturationC) => 2_501m - (2.44m * saturationC);

    /// <summary>Specific enthalpy at <paramref name="temperatureC"/>: liquid at or below T_sat (condensed there), steam above it.</summary>
    public static decimal EnthalpyKjPerKg(decimal temperatureC, decimal saturationC) => temperatureC <= saturationC
        ? LiquidKjPerKgK * temperatureC
        : (LiquidKjPerKgK * saturationC) + LatentKjPerKg(saturationC) + (VapourKjPerKgK * (temperatureC - saturationC));

    /// <summary>The heat a kg of steam at <paramref name="fromC"/> gives when it condenses and cools to <paramref name="toC"/>.</summary>
    public static decimal CondensingDropKjPerKg(decimal fromC, decimal toC, decimal saturationC) =>
        SteamEnthalpy(fromC, saturationC) - EnthalpyKjPerKg(toC, saturationC);

    /// <summary>The steam's own enthalpy: a supply at or below T_sat is saturated steam at T_sat.</summary>
    private static decimal SteamEnthalpy(decimal fromC, decimal saturationC) =>
        (LiquidKjPerKgK * saturationC) + LatentKjPerKg(saturationC) + (VapourKjPerKgK * Math.Max(0, fromC - saturationC));
}
