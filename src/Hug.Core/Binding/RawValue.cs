using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Hug.Binding;

/// <summary>What an interface received for one parameter: nothing, text values, or a JSON value.</summary>
internal readonly struct RawValue
{
    public static readonly RawValue Missing = default;

    private RawValue(RawKind kind, StringValues strings, JsonElement json)
    {
        Kind = kind;
        Strings = strings;
        Json = json;
    }

    public RawKind Kind { get; }
    public StringValues Strings { get; }
    public JsonElement Json { get; }

    public static RawValue FromStrings(StringValues values) =>
        values.Count == 0 ? Missing : new RawValue(RawKind.Strings, values, default);

    public static RawValue FromJson(JsonElement element) => new(RawKind.Json, default, element);

    /// <summary>Absent, JSON null, or a single empty text value.</summary>
    public bool IsMissingUnlessText => Kind switch
    {
        RawKind.Missing => true,
        RawKind.Json => Json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined,
        _ => Strings.Count == 1 && string.IsNullOrEmpty(Strings[0]),
    };

    public bool IsAbsent => Kind == RawKind.Missing || (Kind == RawKind.Json && Json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);
}

internal enum RawKind : byte { Missing, Strings, Json }
