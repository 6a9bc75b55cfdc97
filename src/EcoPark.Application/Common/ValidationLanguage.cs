using System.Reflection;
using FluentValidation;
using FluentValidation.Resources;

namespace EcoPark.Application.Common;

/// <summary>
/// FluentValidation's own messages in natural Traditional Chinese (its bundled zh-TW reads "'查證日期' 不能為Null。"), and
/// a rule's field named as the forms label it: a rule without <c>WithName</c> takes <c>Field.{property}</c> from the
/// messages, so that the label and its error name the field alike. Installed once, at start.
/// </summary>
public static class ValidationLanguage
{
    /// <summary>The Traditional Chinese text of each built-in validator this project uses, by FluentValidation's key.</summary>
    public static IReadOnlyDictionary<string, string> TraditionalChinese { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NotNullValidator"] = "請填寫{PropertyName}。",
        ["NotEmptyValidator"] = "請填寫{PropertyName}。",
        ["NullValidator"] = "{PropertyName}必須留空。",
        ["EmptyValidator"] = "{PropertyName}必須留空。",
        ["EmailValidator"] = "{PropertyName}不是有效的電子郵件地址。",
        ["GreaterThanValidator"] = "{PropertyName}必須大於 {ComparisonValue}。",
        ["GreaterThanOrEqualValidator"] = "{PropertyName}必須大於或等於 {ComparisonValue}。",
        ["LessThanValidator"] = "{PropertyName}必須小於 {ComparisonValue}。",
        ["LessThanOrEqualValidator"] = "{PropertyName}必須小於或等於 {ComparisonValue}。",
        ["EqualValidator"] = "{PropertyName}必須等於 {ComparisonValue}。",
        ["NotEqualValidator"] = "{PropertyName}不可等於 {ComparisonValue}。",
        ["InclusiveBetweenValidator"] = "{PropertyName}必須介於 {From} 與 {To} 之間。",
        ["ExclusiveBetweenValidator"] = "{PropertyName}必須大於 {From} 且小於 {To}。",
        ["LengthValidator"] = "{PropertyName}的長度必須介於 {MinLength} 與 {MaxLength} 個字元之間（目前 {TotalLength} 個）。",
        ["MinimumLengthValidator"] = "{PropertyName}至少需要 {MinLength} 個字元（目前 {TotalLength} 個）。",
        ["MaximumLengthValidator"] = "{PropertyName}最多 {MaxLength} 個字元（目前 {TotalLength} 個）。",
        ["ExactLengthValidator"] = "{PropertyName}必須剛好 {MaxLength} 個字元（目前 {TotalLength} 個）。",
        ["RegularExpressionValidator"] = "{PropertyName}的格式不正確。",
        ["PredicateValidator"] = "{PropertyName}不符合規定。",
        ["AsyncPredicateValidator"] = "{PropertyName}不符合規定。",
        ["EnumValidator"] = "{PropertyName}不是可選的值。",
        ["CreditCardValidator"] = "{PropertyName}不是有效的信用卡號碼。",
        ["ScalePrecisionValidator"] = "{PropertyName}最多 {ExpectedPrecision} 位數，其中小數 {ExpectedScale} 位。",
        ["PrecisionScaleValidator"] = "{PropertyName}最多 {ExpectedPrecision} 位數，其中小數 {ExpectedScale} 位。",
    };

    public static void Install()
    {
        var language = new LanguageManager();
        foreach (var culture in new[] { "zh-TW", "zh-Hant", "zh" })
        {
            foreach (var (key, message) in TraditionalChinese)
            {
                language.AddTranslation(culture, key, message);
            }
        }

        ValidatorOptions.Global.LanguageManager = language;
        ValidatorOptions.Global.DisplayNameResolver = DisplayName;
    }

    /// <summary>The name a form gives the property (<c>Field.{Property}</c> in the user's language), else none (FluentValidation's own).</summary>
    private static string? DisplayName(Type type, MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression) =>
        member is null ? null : MessageTexts.Find("Field." + member.Name);
}
