using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Water;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Filings;

/// <summary>The body of <c>POST /api/v1/factories/{id}/water-balances</c>, in m³ per period.</summary>
public sealed class WaterBalanceRequest
{
    /// <summary>YYYY-MM, or YYYY-H1 / YYYY-H2 for a half-year.</summary>
    public string Period { get; set; } = string.Empty;

    public IntakeInput Intake { get; set; } = new();

    public decimal RainwaterM3 { get; set; }

    public decimal CondensateM3 { get; set; }

    public UsesInput Uses { get; set; } = new();

    public decimal CirculationM3 { get; set; }

    public decimal CoolingTowerCirculationM3 { get; set; }

    public decimal ReuseM3 { get; set; }

    public OutflowsInput Outflows { get; set; } = new();

    /// <summary>Submit at once instead of saving a draft.</summary>
    public bool Submit { get; set; }

    /// <summary>Why a balance that does not close is submitted anyway.</summary>
    public string? Justification { get; set; }

    public WaterBalance ToBalance() => new()
    {
        TapM3 = Intake.TapM3,
        SurfaceM3 = Intake.SurfaceM3,
        GroundwaterM3 = Intake.GroundwaterM3,
        OtherSupplierM3 = Intake.OtherSupplierM3,
        ReclaimedSystemM3 = Intake.ReclaimedSystemM3,
        ReclaimedNonSystemM3 = Intake.ReclaimedNonSystemM3,
        DesalinatedM3 = Intake.DesalinatedM3,
        RainwaterM3 = RainwaterM3,
        CondensateM3 = CondensateM3,
        CoolingM3 = Uses.CoolingM3,
        ProcessM3 = Uses.ProcessM3,
        BoilerM3 = Uses.BoilerM3,
        ScrubberM3 = Uses.ScrubberM3,
        DomesticM3 = Uses.DomesticM3,
        OtherUseM3 = Uses.OtherM3,
        CirculationM3 = CirculationM3,
        CoolingTowerCirculationM3 = CoolingTowerCirculationM3,
        ReuseM3 = ReuseM3,
        SewerM3 = Outflows.SewerM3,
        WaterBodyM3 = Outflows.WaterBodyM3,
        EvaporationLossM3 = Outflows.EvaporationLossM3,
        InProductM3 = Outflows.InProductM3,
    };

    public static WaterBalanceRequest From(string period, WaterBalance b) => new()
    {
        Period = period,
        Intake = new IntakeInput
        {
            TapM3 = b.TapM3,
            SurfaceM3 = b.SurfaceM3,
            GroundwaterM3 = b.GroundwaterM3,
            OtherSupplierM3 = b.OtherSupplierM3,
            ReclaimedSystemM3 = b.ReclaimedSystemM3,
            ReclaimedNonSystemM3 = b.ReclaimedNonSystemM3,
            DesalinatedM3 = b.DesalinatedM3,
        },
        RainwaterM3 = b.RainwaterM3,
        CondensateM3 = b.CondensateM3,
        Uses = new UsesInput
        {
            CoolingM3 = b.CoolingM3,
            ProcessM3 = b.ProcessM3,
            BoilerM3 = b.BoilerM3,
            ScrubberM3 = b.ScrubberM3,
            DomesticM3 = b.DomesticM3,
            OtherM3 = b.OtherUseM3,
        },
        CirculationM3 = b.CirculationM3,
        CoolingTowerCirculationM3 = b.CoolingTowerCirculationM3,
        ReuseM3 = b.ReuseM3,
        Outflows = new OutflowsInput { SewerM3 = b.SewerM3, WaterBodyM3 = b.WaterBodyM3, EvaporationLossM3 = b.EvaporationLossM3, InProductM3 = b.InProductM3 },
    };
}

public sealed class IntakeInput
{
    public decimal TapM3 { get; set; }

    public decimal SurfaceM3 { get; set; }

    public decimal GroundwaterM3 { get; set; }

    public decimal OtherSupplierM3 { get; set; }

    public decimal ReclaimedSystemM3 { get; set; }

    public decimal ReclaimedNonSystemM3 { get; set; }

    public decimal DesalinatedM3 { get; set; }
}

public sealed class UsesInput
{
    public decimal CoolingM3 { get; set; }

    public decimal ProcessM3 { get; set; }

    public decimal BoilerM3 { get; set; }

    public decimal ScrubberM3 { get; set; }

    public decimal DomesticM3 { get; set; }

    public decimal OtherM3 { get; set; }
}

public sealed class OutflowsInput
{
    public decimal SewerM3 { get; set; }

    public decimal WaterBodyM3 { get; set; }

    public decimal EvaporationLossM3 { get; set; }

    public decimal InProductM3 { get; set; }
}

/// <summary>Field-by-field checks; the period's "not in the future" check needs today, so it takes a clock.</summary>
public sealed class WaterBalanceRequestValidator : AbstractValidator<WaterBalanceRequest>
{
    public WaterBalanceRequestValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Period).Cascade(CascadeMode.Stop)
            .Must(p => FilingPeriod.TryParse(p, out _)).WithMessage(_ => l["Filing.Period.Format"])
            .Must(p => FilingPeriod.Parse(p).Start <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage(_ => l["Filing.Period.Future"]);
        foreach (var (name, get) in Volumes())
        {
            RuleFor(x => get(x)).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l).OverridePropertyName(name);
        }

        RuleFor(x => x.Intake).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.Uses).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.Outflows).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.CoolingTowerCirculationM3).LessThanOrEqualTo(x => x.CirculationM3).WithMessage(_ => l["Filing.CoolingTower.AboveCirculation"]);
        RuleFor(x => x.ToBalance().TotalIntakeM3).GreaterThan(0).When(x => x.Intake is not null && x.Uses is not null && x.Outflows is not null).OverridePropertyName("intake").WithMessage(_ => l["Filing.Intake.Zero"]);
        RuleFor(x => x.Justification).Text(TextLimits.LongText, l, multiline: true);
    }

    private static IEnumerable<(string Name, Func<WaterBalanceRequest, decimal> Get)> Volumes() =>
    [
        ("Intake.TapM3", x => x.Intake?.TapM3 ?? 0), ("Intake.SurfaceM3", x => x.Intake?.SurfaceM3 ?? 0), ("Intake.GroundwaterM3", x => x.Intake?.GroundwaterM3 ?? 0),
        ("Intake.OtherSupplierM3", x => x.Intake?.OtherSupplierM3 ?? 0), ("Intake.ReclaimedSystemM3", x => x.Intake?.ReclaimedSystemM3 ?? 0),
        ("Intake.ReclaimedNonSystemM3", x => x.Intake?.ReclaimedNonSystemM3 ?? 0), ("Intake.DesalinatedM3", x => x.Intake?.DesalinatedM3 ?? 0),
        ("RainwaterM3", x => x.RainwaterM3), ("CondensateM3", x => x.CondensateM3),
        ("Uses.CoolingM3", x => x.Uses?.CoolingM3 ?? 0), ("Uses.ProcessM3", x => x.Uses?.ProcessM3 ?? 0), ("Uses.BoilerM3", x => x.Uses?.BoilerM3 ?? 0),
        ("Uses.ScrubberM3", x => x.Uses?.ScrubberM3 ?? 0), ("Uses.DomesticM3", x => x.Uses?.DomesticM3 ?? 0), ("Uses.OtherM3", x => x.Uses?.OtherM3 ?? 0),
        ("CirculationM3", x => x.CirculationM3), ("CoolingTowerCirculationM3", x => x.CoolingTowerCirculationM3), ("ReuseM3", x => x.ReuseM3),
        ("Outflows.SewerM3", x => x.Outflows?.SewerM3 ?? 0), ("Outflows.WaterBodyM3", x => x.Outflows?.WaterBodyM3 ?? 0),
        ("Outflows.EvaporationLossM3", x => x.Outflows?.EvaporationLossM3 ?? 0), ("Outflows.InProductM3", x => x.Outflows?.InProductM3 ?? 0),
    ];
}
