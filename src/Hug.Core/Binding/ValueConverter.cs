using System.Text.Json;

namespace Hug.Binding;

/// <summary>Turns a <see cref="RawValue"/> into a typed value; chosen once per parameter at start-up.</summary>
internal abstract class ValueConverter
{
    public abstract Type Type { get; }

    /// <summary>How the documentation and help describe an accepted value ("A whole number").</summary>
    public abstract string Description { get; }

    /// <summary>Whether an empty text value is a value (strings) rather than a missing one.</summary>
    public virtual bool AcceptsEmptyText => false;

    /// <summary>True for text-parsed values (route, query, argv); false for JSON-shaped ones (bodies).</summary>
    public virtual bool IsScalar => true;

    /// <summary>The message when a value does not convert.</summary>
    public virtual string Error => "Invalid value provided";

    /// <summary>Whether the converter reads a whole JSON input from its text (<see cref="RawValue.FromUtf8"/>) in one pass, unparsed before.</summary>
    public virtual bool ReadsJsonText => false;
}

internal abstract class ValueConverter<T> : ValueConverter
{
    public override Type Type => typeof(T);

    public abstract bool TryConvert(in RawValue raw, out T value, out ConversionError error);
}

/// <summary>A converter of one text value (or one JSON scalar) with one error message.</summary>
internal abstract class ScalarConverter<T> : ValueConverter<T>
{
    public abstract override string Error { get; }

    public abstract bool TryParse(string text, out T value);

    /// <summary>
    /// The one value among repeated ones once blank copies are dropped (<c>?n=2&amp;n=</c> is <c>2</c>, as a lone blank
    /// counts as missing); false when more than one is not blank. Not for text, to which a blank is a value.
    /// </summary>
    private static bool TrySingle(in Microsoft.Extensions.Primitives.StringValues values, out string text)
    {
        text = "";
        var found = 0;
        foreach (var candidate in values)
            if (!string.IsNullOrEmpty(candidate) && found++ == 0) text = candidate;
        return found <= 1;
    }

    public override bool TryConvert(in RawValue raw, out T value, out ConversionError error)
    {
        string? text = null;
        if (raw.Kind == RawKind.Strings)
        {
            text = raw.Strings[0];
            if (raw.Strings.Count > 1 && (AcceptsEmptyText || !TrySingle(raw.Strings, out text)))
            {
                value = default!;
                error = new ConversionError($"Expected a single value but {raw.Strings.Count} were provided");
                return false;
            }
        }
        else
        {
            if (raw.Json.ValueKind == JsonValueKind.String && !JsonErrors.TryGetString(raw.Json, out text))
            {
                value = default!;
                error = new ConversionError(JsonErrors.InvalidText);
                return false;
            }
            if (raw.Json.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False) text = raw.Json.GetRawText();
        }
        if (text is not null && TryParse(text, out value))
        {
            error = default;
            return true;
        }
        value = default!;
        error = new ConversionError(text is null ? Error : ErrorFor(text));
        return false;
    }

    /// <summary>The message for <paramref name="text"/> that did not parse: <see cref="Error"/>, unless the type says why itself.</summary>
    protected virtual string ErrorFor(string text) => Error;
}
