using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Hug.Binding;

/// <summary>
/// What an interface received for one parameter: nothing, text values, a JSON value, or a whole JSON input
/// not yet parsed (<see cref="RawKind.Utf8"/>: an object or array, read by the parameter's converter in one pass).
/// </summary>
internal readonly struct RawValue
{
    public static readonly RawValue Missing = default;

    private RawValue(RawKind kind, StringValues strings, JsonElement json, byte[]? utf8 = null)
    {
        Kind = kind;
        Strings = strings;
        Json = json;
        Utf8 = utf8;
    }

    public RawKind Kind { get; }
    public StringValues Strings { get; }
    public JsonElement Json { get; }

    /// <summary>The JSON text of a whole input (<see cref="RawKind.Utf8"/>): its first token opens an object or an array.</summary>
    public byte[]? Utf8 { get; }

    public static RawValue FromStrings(StringValues values) =>
        values.Count == 0 ? Missing : new RawValue(RawKind.Strings, values, default);

    public static RawValue FromJson(JsonElement element) => new(RawKind.Json, default, element);

    /// <summary>A whole JSON input, unparsed; only for a converter that <see cref="ValueConverter.ReadsJsonText"/>.</summary>
    public static RawValue FromUtf8(byte[] json) => new(RawKind.Utf8, default, default, json);

    /// <summary>Absent, JSON null, or a single empty text value.</summary>
    public bool IsMissingUnlessText => Kind switch
    {
        RawKind.Missing => true,
        RawKind.Json => Json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined,
        _ => Strings.Count == 1 && string.IsNullOrEmpty(Strings[0]),
    };

    public bool IsAbsent => Kind == RawKind.Missing || (Kind == RawKind.Json && Json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);
}

internal enum RawKind : byte { Missing, Strings, Json, Utf8 }
