using System.Reflection;
using EcoPark.Application.Allocation;
using EcoPark.Domain.Allocation;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Screening;
using EcoPark.Domain.Streams;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Tests.Common;

/// <summary>
/// The enum keys are stored (candidates, audit entries, report names), sent in the API and used in resource names: the
/// table pins them, so renaming a value or changing an enum's case fails here before it changes data.
/// </summary>
public sealed class EnumKeysTests
{
    private static readonly MethodInfo KeyMethod = typeof(EnumKeys).GetMethod(nameof(EnumKeys.Key))!;
    private static readonly MethodInfo TryParseMethod = typeof(EnumKeys).GetMethod(nameof(EnumKeys.TryParse))!;

    /// <summary>Every enum of the domain and application but flag sets (which are stored as numbers, not keys).</summary>
    public static TheoryData<Type> KeyedEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in new[] { typeof(EnumKeys).Assembly, typeof(AllocationRunStatus).Assembly }.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsEnum: true, IsPublic: true } && t.GetCustomAttribute<FlagsAttribute>() is null).OrderBy(t => t.FullName))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [InlineData(FeeScheme.Regulation2023, "regulation-2023")]
    [InlineData(FeeScheme.Draft2019, "draft-2019")]
    [InlineData(AllocationStatus.Optimal, "optimal")]
    [InlineData(AllocationStatus.TimeLimit, "timeLimit")]
    [InlineData(WaterMatchStatus.Blocked, "blocked")]
    [InlineData(WaterMatchStatus.NeedsLabTest, "needs-lab-test")]
    [InlineData(WaterMatchStatus.FeasibleAsIs, "feasible-as-is")]
    [InlineData(WaterMatchStatus.FeasibleWithTreatment, "feasible-with-treatment")]
    [InlineData(InputSource.Filed, "filed")]
    [InlineData(FactorSource.Entered, "entered")]
    [InlineData(SecondScreenVerdict.Priority, "priority")]
    [InlineData(SecondScreenVerdict.NeedsDesalination, "needs-desalination")]
    [InlineData(SecondScreenVerdict.NoLand, "no-land")]
    [InlineData(SecondScreenVerdict.LowFlow, "low-flow")]
    [InlineData(Industry.Food, "food")]
    [InlineData(Industry.Wwtp, "wwtp")]
    [InlineData(RecyclingRateStatus.Unverified, "unverified")]
    [InlineData(HeatMatchStatus.Blocked, "blocked")]
    [InlineData(HeatMatchStatus.FeasibleDirect, "feasible-direct")]
    [InlineData(HeatMatchStatus.FeasibleWithHeatPump, "feasible-with-heat-pump")]
    [InlineData(ByproductMatchStatus.Blocked, "blocked")]
    [InlineData(ByproductMatchStatus.NeedsLabTest, "needs-lab-test")]
    [InlineData(Verdict.Pass, "pass")]
    [InlineData(FeeCaseStatus.Open, "Open")]
    [InlineData(FeeClaimKind.ReclaimedWater, "ReclaimedWater")]
    [InlineData(FeeClaimKind.InvestmentOffset, "InvestmentOffset")]
    [InlineData(FeeClaimKind.PollutionFee, "PollutionFee")]
    [InlineData(FeeClaimKind.Article8, "Article8")]
    [InlineData(ClaimDecision.Pending, "Pending")]
    [InlineData(EvidenceKind.VerificationStatement, "VerificationStatement")]
    [InlineData(EvidenceKind.ReclaimedWaterProof, "ReclaimedWaterProof")]
    [InlineData(EvidenceKind.InvestmentApproval, "InvestmentApproval")]
    [InlineData(EvidenceKind.PollutionFeeReceipt, "PollutionFeeReceipt")]
    [InlineData(PayerCategory.Business, "Business")]
    [InlineData(PayerCategory.GovernmentAgency, "GovernmentAgency")]
    [InlineData(PayerCategory.AdministrativeCorporation, "AdministrativeCorporation")]
    [InlineData(PayerCategory.MedicalInstitution, "MedicalInstitution")]
    [InlineData(FeeStepKind.HalfRate, "HalfRate")]
    [InlineData(FeeStepKind.ReductionsCapped, "ReductionsCapped")]
    [InlineData(FeeStepKind.Article8, "Article8")]
    [InlineData(ReasonKind.HardBlock, "HardBlock")]
    [InlineData(ReasonKind.DataQuality, "DataQuality")]
    [InlineData(FilingStatus.Draft, "Draft")]
    [InlineData(MatchState.Candidate, "candidate")]
    [InlineData(ResourceKind.Water, "water")]
    [InlineData(QuoteKind.Pipe, "pipe")]
    [InlineData(QuoteKind.TreatmentCapex, "treatmentCapex")]
    [InlineData(QuoteKind.TreatmentOpex, "treatmentOpex")]
    [InlineData(QuoteKind.TransferPrice, "transferPrice")]
    [InlineData(ValueBasis.Lab, "lab")]
    [InlineData(DischargeRoute.ParkWwtp, "parkWwtp")]
    [InlineData(DischargeRoute.WaterBody, "waterBody")]
    [InlineData(WaterUse.Process, "process")]
    [InlineData(StreamDirection.Supply, "supply")]
    [InlineData(HeatMedium.Steam, "steam")]
    [InlineData(HeatMedium.HotWater, "hotWater")]
    [InlineData(HeatMedium.ThermalOil, "thermalOil")]
    [InlineData(HeatMedium.FlueGas, "flueGas")]
    [InlineData(Fuel.NaturalGas, "naturalGas")]
    [InlineData(Fuel.FuelOil, "fuelOil")]
    [InlineData(ByproductCategory.Sludge, "sludge")]
    [InlineData(ByproductCategory.FlyAsh, "flyAsh")]
    [InlineData(ByproductCategory.BottomAsh, "bottomAsh")]
    [InlineData(ByproductCategory.WastePlastics, "wastePlastics")]
    [InlineData(PhysicalState.Solid, "solid")]
    [InlineData(Regularity.Continuous, "continuous")]
    [InlineData(ReusePermitStatus.None, "none")]
    [InlineData(AllocationRunStatus.Queued, "queued")]
    [InlineData(AllocationRunStatus.TimeLimit, "timeLimit")]
    [InlineData(AllocationPlanSource.Solver, "solver")]
    [InlineData(AllocationLockReason.NotACandidate, "notACandidate")]
    [InlineData(AllocationLockReason.LockedInAndOut, "lockedInAndOut")]
    [InlineData(AllocationLockReason.InfeasibleTogether, "infeasibleTogether")]
    [InlineData(AllocationResource.Water, "water")]
    [InlineData(AllocationObjective.NetBenefit, "netBenefit")]
    [InlineData(AllocationObjective.ReusedWater, "reusedWater")]
    [InlineData(MatchingRuleKind.Parameters, "parameters")]
    [InlineData(KpiBasis.Measured, "measured")]
    [InlineData(ReportKind.Monthly, "monthly")]
    [InlineData(ReportFormat.Pdf, "pdf")]
    [InlineData(WaterRoute.None, "none")]
    [InlineData(WaterRoute.AsIs, "asIs")]
    public void Key_IsTheStoredKey(Enum value, string key)
    {
        Assert.Equal(key, Key(value));
        Assert.True(TryParse(value.GetType(), key, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [MemberData(nameof(KeyedEnums))]
    public void EveryValue_RoundTripsThroughItsKey(Type enumType)
    {
        var values = Enum.GetValues(enumType).Cast<Enum>().ToList();
        var keys = values.Select(Key).ToList();

        Assert.Equal(values.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(values.Zip(keys), pair =>
        {
            Assert.True(TryParse(enumType, pair.Second, out var parsed), $"{enumType.Name}: '{pair.Second}' does not parse");
            Assert.Equal(pair.First, parsed);
        });
        Assert.Equal(keys, (IEnumerable<string>)typeof(EnumKeys).GetMethod(nameof(EnumKeys.All))!.MakeGenericMethod(enumType).Invoke(null, null)!);
    }

    [Theory]
    [InlineData("parkwwtp")]
    [InlineData("PARKWWTP")]
    [InlineData(" parkWwtp ")]
    public void TryParse_IgnoresLetterCaseAndSurroundingSpaces(string key)
    {
        Assert.True(EnumKeys.TryParse<DischargeRoute>(key, out var route));
        Assert.Equal(DischargeRoute.ParkWwtp, route);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("Water,Heat")]
    [InlineData("needsLabTest")]
    [InlineData("NeedsLabTest")]
    public void TryParse_RefusesNumbersListsAndOtherSpellings(string? key)
    {
        Assert.False(EnumKeys.TryParse<WaterMatchStatus>(key, out _));
        Assert.False(EnumKeys.TryParse<ResourceKind>(key, out _));
    }

    [Fact]
    public void Key_OfAnUndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ResourceKind)99).Key());

    [Fact]
    public void Parse_OfAnUnknownKey_IsADomainError()
    {
        var error = Assert.Throws<DomainException>(() => EnumKeys.Parse<ResourceKind>("steam"));
        Assert.Equal("key", error.Field);
    }

    private static string Key(Enum value) => (string)KeyMethod.MakeGenericMethod(value.GetType()).Invoke(null, [value])!;

    private static bool TryParse(Type enumType, string key, out Enum? value)
    {
        object?[] arguments = [key, null];
        var parsed = (bool)TryParseMethod.MakeGenericMethod(enumType).Invoke(null, arguments)!;
        value = parsed ? (Enum)arguments[1]! : null;
        return parsed;
    }
}
