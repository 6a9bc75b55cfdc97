using System.Globalization;
using EcoPark.Application.Screening;
using EcoPark.Domain.Screening;

namespace EcoPark.Web.Features.Screening;

/// <summary>
/// The editable copy of a <see cref="ScreeningInputsRequest"/> (which is init-only) behind the figures form.
/// It holds no rules: the form validates <see cref="ToRequest"/> with the request's own validator.
/// </summary>
public sealed class ScreeningInputsForm
{
    public DateTime? AsOf { get; set; }

    public string? Source { get; set; }

    public decimal? LeasableLandHa { get; set; }

    public decimal? TapHeadroomM3PerDay { get; set; }

    public decimal? ExtraSupplyM3PerDay { get; set; }

    public decimal? LeasableFactoryAreaHa { get; set; }

    public decimal? HighWaterUseAnnual10kM3 { get; set; }

    public decimal? ExpectedIncrease10kM3PerYear { get; set; }

    public decimal? WwtpSpareCapacityM3PerDay { get; set; }

    public string? County { get; set; }

    public bool? LowTolerance { get; set; }

    public decimal? EasyMatchSharePercent { get; set; }

    public decimal? WwtpEffluentM3PerDay { get; set; }

    public decimal? WwtpConductivityUsCm { get; set; }

    public decimal? WwtpExpansionLandHa { get; set; }

    /// <summary>A form pre-filled with a park's latest figures (empty when it has none), dated today, with no source yet.</summary>
    public static ScreeningInputsForm From(ParkScreeningValues? latest, DateOnly today)
    {
        var v = latest ?? new ParkScreeningValues();
        return new()
        {
            AsOf = today.ToDateTime(TimeOnly.MinValue),
            LeasableLandHa = v.LeasableLandHa,
            TapHeadroomM3PerDay = v.TapHeadroomM3PerDay,
            ExtraSupplyM3PerDay = v.ExtraSupplyM3PerDay,
            LeasableFactoryAreaHa = v.LeasableFactoryAreaHa,
            HighWaterUseAnnual10kM3 = v.HighWaterUseAnnual10kM3,
            ExpectedIncrease10kM3PerYear = v.ExpectedIncrease10kM3PerYear,
            WwtpSpareCapacityM3PerDay = v.WwtpSpareCapacityM3PerDay,
            County = v.County,
            LowTolerance = v.LowTolerance,
            EasyMatchSharePercent = v.EasyMatchSharePercent,
            WwtpEffluentM3PerDay = v.WwtpEffluentM3PerDay,
            WwtpConductivityUsCm = v.WwtpConductivityUsCm,
            WwtpExpansionLandHa = v.WwtpExpansionLandHa,
        };
    }

    public ScreeningInputsRequest ToRequest() => new()
    {
        AsOf = AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Source = Source,
        LeasableLandHa = LeasableLandHa,
        TapHeadroomM3PerDay = TapHeadroomM3PerDay,
        ExtraSupplyM3PerDay = ExtraSupplyM3PerDay,
        LeasableFactoryAreaHa = LeasableFactoryAreaHa,
        HighWaterUseAnnual10kM3 = HighWaterUseAnnual10kM3,
        ExpectedIncrease10kM3PerYear = ExpectedIncrease10kM3PerYear,
        WwtpSpareCapacityM3PerDay = WwtpSpareCapacityM3PerDay,
        County = string.IsNullOrWhiteSpace(County) ? null : County,
        LowTolerance = LowTolerance,
        EasyMatchSharePercent = EasyMatchSharePercent,
        WwtpEffluentM3PerDay = WwtpEffluentM3PerDay,
        WwtpConductivityUsCm = WwtpConductivityUsCm,
        WwtpExpansionLandHa = WwtpExpansionLandHa,
    };
}
