using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hug.Binding;

/// <summary>Records, classes, <see cref="JsonElement"/> and collections of them, read as JSON.</summary>
internal sealed class JsonValueConverter<T>(JsonSerializerOptions options) : ValueConverter<T>
{
    private readonly JsonTypeInfo<T> typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public override bool IsScalar => false;

    public override bool ReadsJsonText => true;

    public override string Description => typeof(T) == typeof(JsonElement)
        ? "Any JSON value"
        : typeInfo.Kind == JsonTypeInfoKind.Enumerable ? "A JSON array" : $"A JSON object ({typeof(T).Name})";

    public override bool TryConvert(in RawValue raw, out T value, out ConversionError error)
    {
        try
        {
            if (raw.Kind == RawKind.Utf8)
            {
                value = JsonSerializer.Deserialize(raw.Utf8, typeInfo)!;
            }
            else if (raw.Kind == RawKind.Json)
            {
                value = raw.Json.Deserialize(typeInfo)!;
            }
            else if (raw.Strings.Count == 1)
            {
                value = JsonSerializer.Deserialize(raw.Strings[0]!, typeInfo)!;
            }
            else
            {
                value = default!;
                error = new ConversionError($"Expected a single JSON value but {raw.Strings.Count} were provided");
                return false;
            }
            error = default;
            return true;
        }
        catch (JsonException exception)
        {
            value = default!;
            // Read whole, a syntax error answers as a body that fails to parse, with the parser's message: the serializer
            // wraps the reader's error, or the text failed its shape before its syntax showed ('[1,' for a record).
            error = raw.Kind == RawKind.Utf8 && (exception.InnerException as JsonException ?? JsonErrors.SyntaxError(raw.Utf8)) is { } syntax
                ? new ConversionError(JsonErrors.Malformed(syntax), OfInput: true)
                : JsonErrors.Describe(exception, typeof(T), options);
            return false;
        }
        catch (InvalidOperationException) when (raw.Kind is RawKind.Json or RawKind.Utf8)
        {
            // System.Text.Json reading a string that is not valid UTF-8, or an escaped lone surrogate.
            value = default!;
            error = new ConversionError(JsonErrors.InvalidText);
            return false;
        }
    }
}
