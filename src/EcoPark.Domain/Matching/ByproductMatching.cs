using EcoPark.Domain.Common;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>A by-product or waste on offer, as the engine sees it.</summary>
public sealed record ByproductSupplyInput
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public GeoPoint? Location { get; init; }

    public required ByproductCategory Category { get; init; }

    /// <summary>Its official waste code (事業廢棄物代碼), e.g. D-0902.</summary>
    public required string WasteCode { get; init; }

    public required decimal TonnesPerMonth { get; init; }

    /// <summary>Measured properties by <see cref="ByproductProperties"/> key.</summary>
    public IReadOnlyList<ParameterValue> Properties { get; init; } = [];

    /// <summary>What disposal costs today, NTD/t; null: the default applies.</summary>
    public decimal? DisposalCostNtdPerTonne { get; init; }

    public required ReusePermitStatus Permit { get; init; }
}

/// <summary>A need for a material, as the engine sees it.</summary>
public sealed record ByproductDemandInput
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public GeoPoint? Location { get; init; }

    public required ByproductCategory Category { get; init; }

    /// <summary>Waste codes it takes; empty: any code of its category.</summary>
    public IReadOnlyList<string> AcceptedCodes { get; init; } = [];

    public IReadOnlyList<ParameterLimit> PropertyLimits { get; init; } = [];

    public required decimal TonnesPerMonth { get; init; }

    /// <summary>The price of the virgin material replaced, NTD/t.</summary>
    public decimal? VirginPriceNtdPerTonne { get; init; }

    /// <summary>kgCO₂e per t of the virgin material replaced.</summary>
    public decimal? VirginFactorKgCo2ePerTonne { get; init; }

    /// <summary>What the buyer spends to prepare a t of the by-product for use, NTD/t; null: nothing.</summary>
    public decimal? ProcessingNtdPerTonne { get; init; }

    /// <summary>kgCO₂e of that preparation per t; null: nothing.</summary>
    public decimal? ProcessingKgCo2ePerTonne { get; init; }
}

[KeyCase(KeyCase.Kebab)]
public enum ByproductMatchStatus
{
    Blocked,
    Infeasible,
    NeedsLabTest,
    Feasible,

    /// <summary>The properties pass, but disposal avoided + virgin material avoided − processing − transport is 0 or less.</summary>
    Uneconomic,
}

/// <summary>The judgement of one by-product supply against one material demand.</summary>
/// <remarks>
/// <para><c>Properties</c>: the per-property table (pass / fail / unknown, as for water).</para>
/// <para><c>TonnesPerMonth</c>: the quantity overlap, min(supply, demand).</para>
/// </remarks>
public sealed record ByproductMatchResult(
    Guid SupplyId,
    Guid DemandId,
    ByproductMatchStatus Status,
    IReadOnlyList<MatchReason> Reasons,
    IReadOnlyList<ParameterCheck> Properties,
    bool SamePark,
    decimal? DistanceM,
    decimal TonnesPerMonth,
    ByproductEconomics? Economics,
    IReadOnlyList<MatchInput> Inputs,
    string ParametersVersion);

/// <summary>
/// Money and carbon of a by-product match. The buyer arranges and pays the truck.
/// </summary>
/// <remarks>
/// <para>Supplier saving per t = disposal cost avoided.</para>
/// <para>Buyer saving per t = virgin price − processing − transport (road km × NTD per t·km).</para>
/// <para>CO₂e avoided per t = virgin factor − processing − road km × truck factor, in kg.</para>
/// <para>A quoted agreed price per t moves money from the buyer to the supplier; a quoted pretreatment capex (the buyer's)
/// is the investment, spread over the investment life in the net benefit and giving a payback.</para>
/// </remarks>
public sealed record ByproductEconomics(
    decimal TonnesPerMonth,
    decimal RoadKm,
    decimal TransportNtdPerTonne,
    decimal DisposalNtdPerTonne,
    decimal VirginNtdPerTonne,
    decimal ProcessingNtdPerTonne,
    decimal SupplierSavingNtdPerMonth,
    decimal BuyerSavingNtdPerMonth,
    decimal NetAnnualBenefitNtd,
    decimal Co2eAvoidedKgPerTonne,
    decimal Co2eAvoidedKgPerYear,
    decimal TransferPriceNtdPerTonne = 0,
    decimal InvestmentNtd = 0,
    decimal? PairPaybackMonths = null);

/// <summary>
/// Figures staff recorded on a by-product match from quotes, each replacing the engine's own: transport and handling
/// (NTD/t, instead of road km × truck rate), the pretreatment capex (NTD; the engine assumes none), the pretreatment's running
/// cost (NTD/t, instead of the demand's filed processing cost) and the price the buyer pays the supplier per t (the engine
/// assumes none). A quote changes money only: the carbon still follows the road km and the filed factors.
/// </summary>
public sealed record ByproductQuotes(decimal? TransportNtdPerTonne = null, decimal? TreatmentCapexNtd = null, decimal? ProcessingNtdPerTonne = null,
    decimal? TransferPriceNtdPerTonne = null);

/// <summary>Judges one by-product supply against one material demand; see docs/decisions/0005-matching-model.md.</summary>
public static class ByproductMatcher
{
    public static ByproductMatchResult Evaluate(ByproductSupplyInput supply, ByproductDemandInput demand, MatchingParameters parameters, DateOnly today,
        ByproductQuotes? quotes = null)
    {
        MatchingChecks.Check(parameters);
        var b = parameters.Byproduct;
        var reasons = new List<MatchReason>();
        var inputs = new List<MatchInput>
        {
            new("supplyTonnesPerMonth", supply.TonnesPerMonth, "t/month", InputSource.Filed),
            new("demandTonnesPerMonth", demand.TonnesPerMonth, "t/month", InputSource.Filed),
        };

        var samePark = supply.ParkId == demand.ParkId;
        var scope = MatchScope.Judge(supply.Location, demand.Location, samePark, b.MaxDistanceKm * 1000, null, parameters.InParkDistanceWhenUnknownM);
        scope.AddReasons(reasons, inputs);

        var code = supply.WasteCode.Trim().ToUpperInvariant();
        if (demand.AcceptedCodes.Count > 0)
        {
            if (!demand.AcceptedCodes.Any(c => c.Trim().Equals(code, StringComparison.OrdinalIgnoreCase)))
            {
                reasons.Add(new(MatchCodes.CodeNotAccepted, ReasonKind.HardBlock, $"{code} is not among the codes the demand accepts ({string.Join(", ", demand.AcceptedCodes)})."));
            }
        }
        else if (supply.Category != demand.Category)
        {
            reasons.Add(new(MatchCodes.CategoryMismatch, ReasonKind.HardBlock, $"The demand takes {demand.Category}, the supply is {supply.Category}."));
        }

        if (supply.Permit != ReusePermitStatus.Granted)
        {
            reasons.Add(new(MatchCodes.PermitNotGranted, ReasonKind.Regulatory, $"The reuse permit is {supply.Permit.ToString().ToLowerInvariant()}, not granted: reuse needs a permit."));
        }

        var checks = LimitJudge.Judge(supply.Properties, demand.PropertyLimits, today, parameters.StaleAfterDays);
        LimitJudge.AddDataQuality(checks, supply.Properties, reasons, parameters.StaleAfterDays);
        foreach (var check in checks.Where(c => c.Verdict == Verdict.Fail))
        {
            reasons.Add(new(MatchCodes.PropertyFails, ReasonKind.Quality,
                $"{check.Key} is {check.Value} against {check.Min?.ToString() ?? "–"}–{check.Max?.ToString() ?? "–"} (headroom {check.Headroom}).", check.Key));
        }

        var tonnes = Math.Min(supply.TonnesPerMonth, demand.TonnesPerMonth);
        var status = reasons.Any(r => r.Kind == ReasonKind.HardBlock) ? ByproductMatchStatus.Blocked
            : checks.Any(c => c.Verdict == Verdict.Fail) ? ByproductMatchStatus.Infeasible
            : checks.Any(c => c.Verdict == Verdict.Unknown) ? ByproductMatchStatus.NeedsLabTest
            : ByproductMatchStatus.Feasible;
        if (status is ByproductMatchStatus.Blocked or ByproductMatchStatus.Infeasible)
        {
            return new ByproductMatchResult(supply.Id, demand.Id, status, reasons, checks, samePark, (decimal?)scope.DistanceM, 0, null, inputs, parameters.Version);
        }

        var roadKm = scope.CostDistanceM * b.RoadFactor / 1000;
        var transport = roadKm * b.TruckNtdPerTonneKm;
        var disposal = Given(supply.DisposalCostNtdPerTonne, b.DefaultDisposalCostNtdPerTonne, "disposalCostNtdPerTonne", "NTD/t", MatchCodes.DefaultUsed, inputs, reasons);
        var virgin = Given(demand.VirginPriceNtdPerTonne, 0, "virginPriceNtdPerTonne", "NTD/t", MatchCodes.MissingInput, inputs, reasons);
        var processing = quotes?.ProcessingNtdPerTonne is { } quotedProcessing
            ? MatchMath.Quoted(quotedProcessing, demand.ProcessingNtdPerTonne ?? 0, "processingNtdPerTonne", "NTD/t", inputs, reasons)
            : Given(demand.ProcessingNtdPerTonne, 0, "processingNtdPerTonne", "NTD/t", MatchCodes.MissingInput, inputs, reasons);
        var virginFactor = Given(demand.VirginFactorKgCo2ePerTonne, 0, "virginFactorKgCo2ePerTonne", "kgCO₂e/t", MatchCodes.MissingInput, inputs, reasons);
        var processingFactor = Given(demand.ProcessingKgCo2ePerTonne, 0, "processingKgCo2ePerTonne", "kgCO₂e/t", MatchCodes.MissingInput, inputs, reasons);
        inputs.Add(new("roadFactor", b.RoadFactor, "×", InputSource.Default));
        inputs.Add(new("truckNtdPerTonneKm", b.TruckNtdPerTonneKm, "NTD/t·km", InputSource.Default));
        inputs.Add(new("truckKgCo2ePerTonneKm", b.TruckKgCo2ePerTonneKm, "kgCO₂e/t·km", InputSource.Default));

        if (quotes?.TransportNtdPerTonne is { } quotedTransport)
        {
            transport = MatchMath.Quoted(quotedTransport, transport, "transportNtdPerTonne", "NTD/t", inputs, reasons);
        }

        var price = quotes?.TransferPriceNtdPerTonne is { } quotedPrice ? MatchMath.Quoted(quotedPrice, 0, "transferPriceNtdPerTonne", "NTD/t", inputs, reasons) : 0;
        var investment = quotes?.TreatmentCapexNtd is { } quotedCapex ? MatchMath.Quoted(quotedCapex, 0, "treatmentCapexNtd", "NTD", inputs, reasons) : 0;
        var supplier = (disposal + price) * tonnes;
        var buyer = (virgin - processing - transport - price) * tonnes;
        if (supplier + buyer <= 0)
        {
            reasons.Add(new(MatchCodes.NoNetSaving, ReasonKind.Commercial, "The pair saves nothing a month."));
        }

        var net = ((supplier + buyer) * 12) - (investment / parameters.InvestmentLifeYears);
        decimal? payback = investment > 0 ? MatchMath.PaybackMonths(investment, supplier + buyer) : null;
        var uneconomic = MatchMath.UneconomicReasons(net, payback, investment > 0 ? parameters.PaybackCeilingMonths : null);
        if (uneconomic.Count > 0)
        {
            reasons.AddRange(uneconomic);
            status = ByproductMatchStatus.Uneconomic;
        }

        var co2PerTonne = virginFactor - processingFactor - (roadKm * b.TruckKgCo2ePerTonneKm);
        var economics = new ByproductEconomics(tonnes, roadKm, transport, disposal, virgin, processing, supplier, buyer, net,
            co2PerTonne, co2PerTonne * tonnes * 12, price, investment, payback);
        return new ByproductMatchResult(supply.Id, demand.Id, status, reasons, checks, samePark, (decimal?)scope.DistanceM, tonnes, economics, inputs, parameters.Version);
    }

    private static decimal Given(decimal? given, decimal fallback, string name, string unit, string code, List<MatchInput> inputs, List<MatchReason> reasons)
    {
        inputs.Add(new(name, given ?? fallback, unit, given is null ? InputSource.Default : InputSource.Filed));
        if (given is null)
        {
            reasons.Add(new(code, ReasonKind.DataQuality, $"No {name} given: {fallback:0.##} {unit} is used.", name));
        }

        return given ?? fallback;
    }
}
