using System.Globalization;
using System.Text.Json;

namespace Hug.Formats;

/// <summary>
/// A result as text, for the command line and the HTTP text format: strings and scalars plain (<c>3</c>, <c>hello</c>, <c>2024-01-31</c>, enums as
/// in JSON), objects and collections as indented JSON, null and void as nothing. Common scalars are
/// formatted directly, so printing <c>3</c> does not start System.Text.Json.
/// </summary>
internal static class PlainText
{
    public static string? Format(object? value, Type type, HugOptions options, bool indented = true) =>
        value is null ? null : Plain(value) ?? Json(value, type, options.ReadOnlyJson, indented);

    /// <summary>As above, with JSON settings at hand (an output format's).</summary>
    public static string? Format(object? value, Type type, JsonSerializerOptions json, bool indented = true) =>
        value is null ? null : Plain(value) ?? Json(value, type, json, indented);

    /// <summary>Anything but a common scalar, through System.Text.Json (a method of its own: its types load only when it runs).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string? Json(object value, Type type, JsonSerializerOptions options, bool indented)
    {
        var element = JsonSerializer.SerializeToElement(value, options.GetTypeInfo(type));
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Object or JsonValueKind.Array when indented => JsonSerializer.Serialize(element, Indented(options).GetTypeInfo(typeof(JsonElement))),
            _ => element.GetRawText(),
        };
    }

    /// <summary>A default value as help shows it.</summary>
    public static string Plain(object value, Type type) => Format(value, type, Defaults, indented: false) ?? "";

    private static readonly HugOptions Defaults = new();

    /// <summary>Primitives by type code; the other plain scalars in a method of their own.</summary>
    private static string? Plain(object value) => Type.GetTypeCode(value.GetType()) switch
    {
        TypeCode.String => (string)value,
        TypeCode.Boolean => (bool)value ? "true" : "false",
        TypeCode.Int32 or TypeCode.Int64 or TypeCode.Int16 or TypeCode.Byte or TypeCode.SByte or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.UInt16 or TypeCode.Decimal
            when value is not Enum => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        TypeCode.Double => ((double)value).ToString("R", CultureInfo.InvariantCulture),
        TypeCode.Single => ((float)value).ToString("R", CultureInfo.InvariantCulture),
        _ => OtherPlain(value),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string? OtherPlain(object value) => value switch
    {
        Guid id => id.ToString("D"),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null, // enums too: their JSON converter knows their names ([JsonStringEnumMemberName] included)
    };

    private static JsonSerializerOptions? indented;

    private static JsonSerializerOptions Indented(JsonSerializerOptions json)
    {
        var cached = indented;
        if (cached is not null && ReferenceEquals(cached.Encoder, json.Encoder)) return cached;
        return indented = new JsonSerializerOptions { WriteIndented = true, Encoder = json.Encoder, TypeInfoResolver = HugJsonContext.Default };
    }
}
