using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json;

namespace Hug.Binding;

internal sealed class StringConverter : ScalarConverter<string>
{
    public override string Description => "Basic text / string value";
    public override string Error => "Invalid text value provided";
    public override bool AcceptsEmptyText => true;

    public override bool TryParse(string text, out string value)
    {
        value = text;
        return true;
    }
}

/// <summary>true/false, 1/0, yes/no, on/off, any case; never hug's "any non-empty text is true".</summary>
internal sealed class BooleanConverter : ScalarConverter<bool>
{
    public override string Description => "Accepts a true or false value (true/false, yes/no, on/off, 1/0)";
    public override string Error => "Invalid true/false value provided; use true/false, yes/no, on/off or 1/0";

    public override bool TryParse(string text, out bool value)
    {
        var trimmed = text.AsSpan().Trim();
        if (Is(trimmed, "true") || Is(trimmed, "1") || Is(trimmed, "yes") || Is(trimmed, "on")) { value = true; return true; }
        value = false;
        return Is(trimmed, "false") || Is(trimmed, "0") || Is(trimmed, "no") || Is(trimmed, "off");
    }

    private static bool Is(ReadOnlySpan<char> text, string word) => text.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The base's conversion, called directly so ReadyToRun precompiles it for <c>bool</c> (it does not follow inherited overrides).</summary>
    public override bool TryConvert(in RawValue raw, out bool value, out ConversionError error) => base.TryConvert(raw, out value, out error);
}

/// <summary>Any <see cref="IParsable{TSelf}"/> type, parsed with the invariant culture.</summary>
internal sealed class ParsableConverter<T>(string description, string error) : ScalarConverter<T> where T : IParsable<T>
{
    public override string Description => description;
    public override string Error => error;

    public override bool TryParse(string text, out T value) => T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    /// <summary>
    /// A user's type says why its text is wrong: the message its <c>Parse</c> throws (<c>'3' is not an even number</c>), on
    /// every interface, as hug reports a type's own error. The framework's types (dates, Guids…) keep hug's sentence: their
    /// messages are the runtime's, not the API's. Asked only once the text has failed, so a valid value costs nothing.
    /// </summary>
    protected override string ErrorFor(string text)
    {
        if (!OwnMessages) return Error;
        try
        {
            T.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception exception)
        {
            // Any other exception of a user's Parse is no message for a caller: the generic sentence, never a failed call.
            return exception is FormatException or ArgumentException or OverflowException && SaysWhy(exception) ? exception.Message : Error;
        }
        return Error;
    }

    /// <summary>Whether the exception has a message of the type's own: <c>throw new FormatException()</c> says nothing the generic sentence does not.</summary>
    private static bool SaysWhy(Exception exception) => exception.Message.Length > 0 && exception.Message != exception switch
    {
        FormatException => DefaultMessages.Format,
        OverflowException => DefaultMessages.Overflow,
        _ => DefaultMessages.Argument,
    };

    private static readonly bool OwnMessages = typeof(T).Namespace is not { } space
        || !(space == "System" || space.StartsWith("System.", StringComparison.Ordinal) || space.StartsWith("Microsoft.", StringComparison.Ordinal));
}

/// <summary>
/// A number parsed with the invariant culture and no thousands separators, so <c>1,5</c> is an error
/// rather than fifteen.
/// </summary>
internal sealed class NumberConverter<T>(string description, string error, NumberStyles styles) : ScalarConverter<T> where T : INumberBase<T>
{
    public override string Description => description;
    public override string Error => error;

    public override bool TryParse(string text, out T value) => T.TryParse(text, styles, CultureInfo.InvariantCulture, out value!);
}

/// <summary>A number type's own <c>TryParse(string, NumberStyles, IFormatProvider, out T)</c>.</summary>
internal delegate bool NumberParser<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

/// <summary>
/// <see cref="NumberConverter{T}"/> for the common number types, through their <c>TryParse</c>
/// as a delegate: the same rules and messages, in code ReadyToRun can precompile.
/// </summary>
internal sealed class ParsedNumberConverter<T>(string description, string error, NumberParser<T> parse, NumberStyles styles) : ScalarConverter<T>
{
    public override string Description => description;
    public override string Error => error;

    public override bool TryParse(string text, out T value) => parse(text, styles, CultureInfo.InvariantCulture, out value);

    /// <summary>The base's conversion, called directly so ReadyToRun precompiles it for this <typeparamref name="T"/> (it does not follow inherited overrides).</summary>
    public override bool TryConvert(in RawValue raw, out T value, out ConversionError error) => base.TryConvert(raw, out value, out error);
}

/// <summary>A converter that accepts a fixed set of names (help and completions offer them).</summary>
internal interface IChoiceConverter
{
    IReadOnlyList<string> Choices { get; }
}

/// <summary>An enum as a fixed set of names (case-insensitive), shown as in JSON output (<c>[JsonStringEnumMemberName]</c> included).</summary>
internal sealed class EnumConverter<T> : ScalarConverter<T>, IChoiceConverter where T : struct, Enum
{
    private readonly Dictionary<string, T> values = new(StringComparer.OrdinalIgnoreCase);

    public EnumConverter()
    {
        var names = new List<string>();
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            // The name JSON writes: [JsonStringEnumMemberName] when given, else camelCase (Hug's enum converter).
            var shown = field.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.CamelCase.ConvertName(field.Name);
            names.Add(shown);
            values[field.Name] = value;
            values[shown] = value;
        }
        Choices = names;
        var list = "(" + string.Join('|', names) + ")";
        Description = "Accepts one of the following values: " + list;
        Error = "Invalid value passed. The accepted values are: " + list;
    }

    public IReadOnlyList<string> Choices { get; }
    public override string Description { get; }
    public override string Error { get; }

    public override bool TryParse(string text, out T value) => values.TryGetValue(text.Trim(), out value);
}

internal sealed class NullableConverter<T>(ScalarConverter<T> inner) : ScalarConverter<T?> where T : struct
{
    public override string Description => inner.Description;
    public override string Error => inner.Error;

    public override bool TryParse(string text, out T? value)
    {
        var ok = inner.TryParse(text, out var parsed);
        value = ok ? parsed : null;
        return ok;
    }
}

/// <summary>How a scalar type is described in documentation and help, and the message when a value is not one (a class, not a tuple: a tuple type costs start-up time).</summary>
internal sealed class ScalarMessage(string description, string error)
{
    public string Description => description;
    public string Error => error;
}

/// <summary>The descriptions and messages of the well-known scalar types.</summary>
internal static class ScalarMessages
{
    private static readonly ScalarMessage Whole = new("A whole number", "Invalid whole number provided");
    private static readonly ScalarMessage Float = new("A float number", "Invalid float number provided");

    /// <summary>
    /// The description and error of a scalar type. Primitive numbers go by their <see cref="TypeCode"/>,
    /// so describing an <c>int</c> loads no other type at start-up.
    /// </summary>
    public static ScalarMessage For(Type type)
    {
        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Int32 or TypeCode.Int64 or TypeCode.Int16 or TypeCode.SByte or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.UInt16 or TypeCode.Byte:
                return Whole;
            case TypeCode.Double or TypeCode.Single: return Float;
            case TypeCode.Decimal: return new("A decimal number", "Invalid decimal number provided");
            case TypeCode.Char: return new("A single character", "Invalid single character provided");
            case TypeCode.DateTime: return new("A date and time (ISO 8601, such as 2024-01-31T09:30:00Z)", "Invalid date and time provided");
        }
        return Other(type);
    }

    /// <summary>
    /// The other types, in their own method: ReadyToRun resolves every type a method names when the method
    /// is first called, so naming these beside the primitives would load them all for an <c>int</c>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ScalarMessage Other(Type type)
    {
        if (type == typeof(Guid)) return new("A UUID", "Invalid UUID provided");
        if (type == typeof(DateTimeOffset)) return new("A date and time with offset (ISO 8601, such as 2024-01-31T09:30:00+01:00)", "Invalid date and time provided");
        if (type == typeof(DateOnly)) return new("A date (yyyy-mm-dd)", "Invalid date provided");
        if (type == typeof(TimeOnly)) return new("A time of day (hh:mm:ss)", "Invalid time of day provided");
        if (type == typeof(TimeSpan)) return new("A time span ([d.]hh:mm:ss)", "Invalid time span provided");
        if (type == typeof(Int128) || type == typeof(UInt128) || type.FullName == "System.Numerics.BigInteger") return Whole;
        if (type == typeof(Half)) return Float;
        var described = type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        return new(described ?? $"A {type.Name} value", $"Invalid {type.Name} value provided");
    }
}

/// <summary>The runtime's messages for exceptions thrown without one (in the process's language).</summary>
internal static class DefaultMessages
{
    public static readonly string Format = new FormatException().Message;
    public static readonly string Overflow = new OverflowException().Message;
    public static readonly string Argument = new ArgumentException().Message;
}
