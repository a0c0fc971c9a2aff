using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Hug.Binding;

/// <summary>
/// DataAnnotations in hug's words, one wording everywhere: a rule's description follows the type's in the docs, the page
/// and <c>--help</c> (<c>A whole number greater or equal to 1 and less than 10</c>), and a value that breaks it gets a
/// message naming the value and the limit (<c>'10' reaches the limit of 10</c>). An attribute with its own
/// <c>ErrorMessage</c> keeps it; an attribute not known here keeps .NET's message and adds no description.
/// </summary>
internal static class Rules
{
    /// <summary>The type's description with each rule's after it.</summary>
    public static string Describe(string type, ValidationAttribute[]? validators)
    {
        if (validators is null || validators.Length == 0) return type;
        var rules = validators.Select(Describe).OfType<string>().ToList();
        return rules.Count == 0 ? type : type + " " + string.Join(" and ", rules);
    }

    /// <summary>What <paramref name="attribute"/> asks, as words that follow a type's description; null for one not known here.</summary>
    public static string? Describe(ValidationAttribute attribute) => attribute switch
    {
        RangeAttribute range when Bounds(range) is var (min, max) => string.Join(" and ", new[]
        {
            min is null ? null : (range.MinimumIsExclusive ? "greater than " : "greater or equal to ") + Text(range.Minimum),
            max is null ? null : (range.MaximumIsExclusive ? "less than " : "less or equal to ") + Text(range.Maximum),
        }.OfType<string>()),
        StringLengthAttribute length => length.MinimumLength > 0
            ? $"of {length.MinimumLength} to {length.MaximumLength} characters" : $"of at most {length.MaximumLength} characters",
        LengthAttribute length => $"of {length.MinimumLength} to {length.MaximumLength} characters or items",
        MinLengthAttribute length => $"of at least {length.Length} characters or items",
        MaxLengthAttribute length => $"of at most {length.Length} characters or items",
        AllowedValuesAttribute allowed => "one of " + List(allowed.Values),
        DeniedValuesAttribute denied => "not one of " + List(denied.Values),
        RegularExpressionAttribute expression => $"matching the pattern {expression.Pattern}",
        _ => null,
    };

    /// <summary>The message for <paramref name="value"/>, which <paramref name="attribute"/> refused; null keeps the attribute's own.</summary>
    public static string? Failure(ValidationAttribute attribute, object? value)
    {
        if (HasOwnMessage(attribute)) return null;
        var shown = $"'{Shorten(Text(value))}'";
        return attribute switch
        {
            RangeAttribute range when Bounds(range) is var (min, max) && Number(value) is { } number =>
                min is { } low && (number < low || (range.MinimumIsExclusive && number == low))
                    ? (range.MinimumIsExclusive ? $"{shown} does not exceed the lower limit {Text(range.Minimum)}" : $"{shown} is less than the lower limit {Text(range.Minimum)}")
                : range.MaximumIsExclusive ? $"{shown} reaches the limit of {Text(range.Maximum)}" : $"{shown} exceeds the upper limit {Text(range.Maximum)}",
            StringLengthAttribute length when value is string text => text.Length < length.MinimumLength
                ? $"{shown} is shorter than {length.MinimumLength} characters" : $"{shown} is longer than {length.MaximumLength} characters",
            LengthAttribute or MinLengthAttribute or MaxLengthAttribute => $"{shown} is not {Describe(attribute)}",
            AllowedValuesAttribute allowed => $"{shown} is not one of the allowed values: {List(allowed.Values)}",
            DeniedValuesAttribute => $"{shown} is not allowed",
            RegularExpressionAttribute expression => $"{shown} does not match the pattern {expression.Pattern}",
            _ => null,
        };
    }

    /// <summary>
    /// Whether the user gave the attribute a message. The newer attributes report their default text as
    /// <c>ErrorMessage</c>, so theirs is compared with a fresh instance's.
    /// </summary>
    private static bool HasOwnMessage(ValidationAttribute attribute) => attribute switch
    {
        _ when attribute.ErrorMessageResourceType is not null => true,
        AllowedValuesAttribute => attribute.ErrorMessage != Defaults.Allowed,
        DeniedValuesAttribute => attribute.ErrorMessage != Defaults.Denied,
        LengthAttribute => attribute.ErrorMessage != Defaults.Length,
        _ => attribute.ErrorMessage is not null,
    };

    private static class Defaults
    {
        public static readonly string? Allowed = new AllowedValuesAttribute().ErrorMessage;
        public static readonly string? Denied = new DeniedValuesAttribute().ErrorMessage;
        public static readonly string? Length = LengthDefault();

        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026",
            Justification = "Only its default message is read; this instance never validates (what reads Count by reflection).")]
        private static string? LengthDefault() => new LengthAttribute(0, 1).ErrorMessage;
    }

    /// <summary>A numeric range's bounds (null where open), or null for a range of another type (dates as text).</summary>
    private static (double? Min, double? Max)? Bounds(RangeAttribute range) =>
        Number(range.Minimum) is { } min && Number(range.Maximum) is { } max
            ? (double.IsInfinity(min) || min == double.MinValue || min == int.MinValue ? null : min,
               double.IsInfinity(max) || max == double.MaxValue || max == int.MaxValue ? null : max)
            : null;

    private static double? Number(object? value) => value switch
    {
        int or long or short or byte or sbyte or uint or ulong or ushort or float or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string List(object?[] values) => string.Join(", ", values.Select(Text));

    private static string Text(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
