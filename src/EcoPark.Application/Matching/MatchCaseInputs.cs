using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

/// <summary>Take up a candidate pair as a match (and propose it at once unless <see cref="Propose"/> is false).</summary>
public sealed class TakeUpInput
{
    public Guid SupplyStreamId { get; set; }

    public Guid DemandStreamId { get; set; }

    public bool Propose { get; set; } = true;

    public string? Note { get; set; }
}

/// <summary>Move a match one state forward: <c>proposed</c>, <c>contacted</c>, <c>negotiating</c>, <c>permits</c>, <c>built</c>, <c>operating</c>, <c>ended</c>.</summary>
public sealed class AdvanceInput
{
    public string To { get; set; } = string.Empty;

    /// <summary>The day it happened; today when absent.</summary>
    public DateOnly? EventDate { get; set; }

    public string? Note { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>Record the agreement: the quantity and the supplier's share of each saving (the buyer has the rest).</summary>
public sealed class AgreeInput
{
    public decimal Quantity { get; set; }

    public decimal SupplierWaterPercent { get; set; } = 50;

    public decimal SupplierEnergyPercent { get; set; } = 50;

    public decimal SupplierCo2ePercent { get; set; } = 50;

    public DateOnly? EventDate { get; set; }

    public string? Note { get; set; }

    public uint RowVersion { get; set; }
}

public sealed class DeclineInput
{
    public string Reason { get; set; } = string.Empty;

    public DateOnly? EventDate { get; set; }

    public uint RowVersion { get; set; }
}

public sealed class MatchNoteInput
{
    public string Note { get; set; } = string.Empty;

    public DateOnly? EventDate { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>One operating month: <c>YYYY-MM</c> and the measured quantity in the match's unit.</summary>
public sealed class MatchMonthInput
{
    public string Month { get; set; } = string.Empty;

    public decimal MeasuredQuantity { get; set; }

    public uint RowVersion { get; set; }
}

public sealed class TakeUpInputValidator : AbstractValidator<TakeUpInput>
{
    public TakeUpInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.SupplyStreamId).NotEmpty().WithMessage(_ => l["Match.StreamRequired"]);
        RuleFor(x => x.DemandStreamId).NotEmpty().WithMessage(_ => l["Match.StreamRequired"]);
        RuleFor(x => x.Note).Text(TextLimits.LongText, l, multiline: true);
    }
}

public sealed class AdvanceInputValidator : AbstractValidator<AdvanceInput>
{
    public AdvanceInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.To).Must(k => Enum.TryParse<MatchState>(k, ignoreCase: true, out var s) && s is not (MatchState.Candidate or MatchState.Declined or MatchState.Agreed))
            .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, "proposed, contacted, negotiating, permits, built, operating, ended"]);
        RuleFor(x => x.EventDate).Must(d => NotFuture(d, clock)).WithMessage(_ => l["Match.FutureDate"]);
        RuleFor(x => x.Note).Text(TextLimits.LongText, l, multiline: true);
    }

    internal static bool NotFuture(DateOnly? date, TimeProvider clock) => date is null || date <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}

public sealed class AgreeInputValidator : AbstractValidator<AgreeInput>
{
    public AgreeInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Quantity).GreaterThan(0).WithMessage(_ => l["Match.Quantity.Zero"]).AtMost(InputBounds.MatchQuantity, l);
        RuleFor(x => x.SupplierWaterPercent).InclusiveBetween(0, 100).WithMessage(_ => l["Value.Range", 0, 100]);
        RuleFor(x => x.SupplierEnergyPercent).InclusiveBetween(0, 100).WithMessage(_ => l["Value.Range", 0, 100]);
        RuleFor(x => x.SupplierCo2ePercent).InclusiveBetween(0, 100).WithMessage(_ => l["Value.Range", 0, 100]);
        RuleFor(x => x.EventDate).Must(d => AdvanceInputValidator.NotFuture(d, clock)).WithMessage(_ => l["Match.FutureDate"]);
        RuleFor(x => x.Note).Text(TextLimits.LongText, l, multiline: true);
    }
}

public sealed class DeclineInputValidator : AbstractValidator<DeclineInput>
{
    public DeclineInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Match.ReasonRequired"]).Text(TextLimits.Comment, l, multiline: true);
        RuleFor(x => x.EventDate).Must(d => AdvanceInputValidator.NotFuture(d, clock)).WithMessage(_ => l["Match.FutureDate"]);
    }
}

/// <summary>Staff record a side's consent on the factory's behalf: who signed the letter and when (the letter is the uploaded file).</summary>
public sealed class ConsentOnBehalfInput
{
    /// <summary><c>supplier</c> or <c>buyer</c>.</summary>
    public string Side { get; set; } = string.Empty;

    public string SignedBy { get; set; } = string.Empty;

    public DateOnly? SignedOn { get; set; }

    /// <summary>The form's fields as sent; a date that is not yyyy-MM-dd is a 400 naming <c>signedOn</c>.</summary>
    public static ConsentOnBehalfInput FromForm(string? side, string? signedBy, string? signedOn, IStringLocalizer<Messages> l) => new()
    {
        Side = side ?? string.Empty,
        SignedBy = signedBy ?? string.Empty,
        SignedOn = string.IsNullOrEmpty(signedOn) ? null
            : DateOnly.TryParseExact(signedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                ? date
                : throw DomainGuard.Invalid("signedOn", l["Match.DateFormat"]),
    };
}

public sealed class ConsentOnBehalfInputValidator : AbstractValidator<ConsentOnBehalfInput>
{
    public ConsentOnBehalfInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Side).Must(s => s is "supplier" or "buyer").WithMessage(_ => l["Match.ConsentSide"]);
        RuleFor(x => x.SignedBy).NotEmpty().WithMessage(_ => l["Match.SignerRequired"]).Text(TextLimits.PersonName, l);
        RuleFor(x => x.SignedOn).NotNull().WithMessage(_ => l["Match.SignedOnRequired"])
            .Must(d => AdvanceInputValidator.NotFuture(d, clock)).WithMessage(_ => l["Match.FutureDate"]);
    }
}

public sealed class MatchNoteInputValidator : AbstractValidator<MatchNoteInput>
{
    public MatchNoteInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Note).NotEmpty().WithMessage(_ => l["Match.NoteRequired"]).Text(TextLimits.LongText, l, multiline: true);
        RuleFor(x => x.EventDate).Must(d => AdvanceInputValidator.NotFuture(d, clock)).WithMessage(_ => l["Match.FutureDate"]);
    }
}

public sealed class MatchMonthInputValidator : AbstractValidator<MatchMonthInput>
{
    public MatchMonthInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Month).Must(m => YearMonth.TryParse(m, out _)).WithMessage(_ => l["Match.MonthFormat"]);
        RuleFor(x => x.MeasuredQuantity).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.MatchQuantity, l);
    }
}

/// <summary>
/// A quote staff record on a match, of a kind its resource takes (<see cref="QuoteKinds"/>): water <c>pipe</c> (NTD, line and
/// pump), <c>treatmentCapex</c> (NTD), <c>treatmentOpex</c> (NTD/m³), <c>transferPrice</c> (NTD/m³); heat <c>pipe</c> (NTD,
/// pipe pair), <c>exchangerCapex</c> (NTD, with any heat pump), <c>operatingCost</c> (NTD/year), <c>transferPrice</c>
/// (NTD/kWh delivered); by-product <c>transport</c> (NTD/t), <c>treatmentCapex</c> (NTD), <c>treatmentOpex</c> (NTD/t),
/// <c>transferPrice</c> (NTD/t); with where it came from and its date.
/// </summary>
public sealed class MatchQuoteInput
{
    public string Kind { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public string Source { get; set; } = string.Empty;

    public DateOnly QuotedOn { get; set; }

    public uint RowVersion { get; set; }
}

public sealed class MatchQuoteInputValidator : AbstractValidator<MatchQuoteInput>
{
    /// <summary>The match's resource, in the validation context once the match is known: the kind must be one it takes.</summary>
    public const string ResourceKey = "resource";

    public MatchQuoteInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Kind).Must(EnumKeys.IsKey<QuoteKind>)
            .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<QuoteKind>())]);
        RuleFor(x => x.Kind).Custom((key, context) =>
        {
            if (context.RootContextData.TryGetValue(ResourceKey, out var value) && value is ResourceKind resource
                && EnumKeys.IsKey<QuoteKind>(key) && !QuoteKinds.Applies(resource, EnumKeys.Parse<QuoteKind>(key)))
            {
                context.AddFailure(nameof(MatchQuoteInput.Kind), l["Match.Quote.KindNotForResource", key,
                    string.Join(", ", QuoteKinds.For(resource).Select(EnumKeys.Key))]);
            }
        });
        RuleFor(x => x.Amount).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]);
        RuleFor(x => x.Source).NotEmpty().WithMessage(_ => l["Match.Quote.SourceRequired"]).MaximumLength(300).WithMessage(_ => l["Match.Quote.SourceRequired"]);
        RuleFor(x => x.QuotedOn).NotEqual(default(DateOnly)).WithMessage(_ => l["Match.Quote.DateRequired"]);
    }
}
