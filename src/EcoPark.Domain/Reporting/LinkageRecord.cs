using EcoPark.Domain.Matching;

namespace EcoPark.Domain.Reporting;

/// <summary>
/// What the engine worked out for a match when it was evaluated (its stored evaluation), per year at the predicted
/// quantity: each side's gross saving, the predicted flow in the resource's annual unit (m³/yr, MWh/yr, t/yr) and the
/// rule-set version. The water-consumption fee saved is not taken from here but worked out on the buyers' filings
/// (<see cref="WaterFeeSaved"/>).
/// </summary>
public sealed record LinkageEconomics(
    decimal SupplierSavingNtdPerYear,
    decimal BuyerSavingNtdPerYear,
    decimal PredictedFlowPerYear,
    string ParametersVersion)
{
    public static readonly LinkageEconomics None = new(0, 0, 0, "–");
}

/// <summary>One linkage as the KPIs see it: the match on record and the figures of its evaluation.</summary>
public sealed record LinkageRecord(MatchCase Match, LinkageEconomics Economics)
{
    /// <summary>The state the match was in at the end of <paramref name="day"/>: its last step dated on or before it; null before it was taken up.</summary>
    public MatchState? StateOn(DateOnly day)
    {
        MatchState? state = null;
        foreach (var step in Match.Steps)
        {
            if (step.EventDate <= day)
            {
                state = step.State;
            }
        }

        return state;
    }

    /// <summary>Whether the agreement held on <paramref name="day"/> (agreed, permits, built or operating).</summary>
    public bool CommittedOn(DateOnly day) => StateOn(day) is MatchState.Agreed or MatchState.Permits or MatchState.Built or MatchState.Operating;

    /// <summary>The share of the predicted annual figures that applies once the agreed quantity replaces the predicted one.</summary>
    public decimal AgreedScale => Match.PredictedQuantity > 0 && Match.AgreedQuantity is { } agreed ? agreed / Match.PredictedQuantity : 1;
}
