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
}

/// <summary>Any <see cref="IParsable{TSelf}"/> type, parsed with the invariant culture.</summary>
internal sealed class ParsableConverter<T>(string description, string error) : ScalarConverter<T> where T : IParsable<T>
{
    public override string Description => description;
    public override string Error => error;

    public override bool TryParse(string text, out T value) => T.TryParse(text, CultureInfo.InvariantCulture, out value!);
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

/// <summary>An enum as a fixed set of names (case-insensitive), shown as in JSON output.</summary>
internal sealed class EnumConverter<T> : ScalarConverter<T> where T : struct, Enum
{
    private readonly Dictionary<string, T> values = new(StringComparer.OrdinalIgnoreCase);

    public EnumConverter()
    {
        var names = new List<string>();
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            var shown = JsonNamingPolicy.CamelCase.ConvertName(field.Name);
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

/// <summary>The descriptions and messages of the well-known scalar types.</summary>
internal static class ScalarMessages
{
    private static readonly Dictionary<Type, (string Description, string Error)> Known = new()
    {
        [typeof(int)] = Whole, [typeof(long)] = Whole, [typeof(short)] = Whole, [typeof(sbyte)] = Whole,
        [typeof(uint)] = Whole, [typeof(ulong)] = Whole, [typeof(ushort)] = Whole, [typeof(byte)] = Whole,
        [typeof(Int128)] = Whole, [typeof(UInt128)] = Whole,
        [typeof(double)] = Float, [typeof(float)] = Float, [typeof(Half)] = Float,
        [typeof(decimal)] = ("A decimal number", "Invalid decimal number provided"),
        [typeof(Guid)] = ("A UUID", "Invalid UUID provided"),
        [typeof(DateTime)] = ("A date and time (ISO 8601, such as 2024-01-31T09:30:00Z)", "Invalid date and time provided"),
        [typeof(DateTimeOffset)] = ("A date and time with offset (ISO 8601, such as 2024-01-31T09:30:00+01:00)", "Invalid date and time provided"),
        [typeof(DateOnly)] = ("A date (yyyy-mm-dd)", "Invalid date provided"),
        [typeof(TimeOnly)] = ("A time of day (hh:mm:ss)", "Invalid time of day provided"),
        [typeof(TimeSpan)] = ("A time span ([d.]hh:mm:ss)", "Invalid time span provided"),
        [typeof(char)] = ("A single character", "Invalid single character provided"),
    };

    private static (string, string) Whole => ("A whole number", "Invalid whole number provided");
    private static (string, string) Float => ("A float number", "Invalid float number provided");

    public static (string Description, string Error) For(Type type)
    {
        if (Known.TryGetValue(type, out var known)) return known;
        if (type.FullName == "System.Numerics.BigInteger") return Whole;
        var described = type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        return (described ?? $"A {type.Name} value", $"Invalid {type.Name} value provided");
    }
}
