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
    public static string? Format(object? value, Type type, Func<JsonSerializerOptions> json, bool indented = true)
    {
        if (value is null) return null;
        if (Plain(value) is { } plain) return plain;
        var options = json();
        var element = JsonSerializer.SerializeToElement(value, type, options);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Object or JsonValueKind.Array when indented => JsonSerializer.Serialize(element, Indented(options)),
            _ => element.GetRawText(),
        };
    }

    /// <summary>A default value as help shows it.</summary>
    public static string Plain(object value, Type type) => Format(value, type, HugOptions.CreateJsonOptions, indented: false) ?? "";

    private static string? Plain(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        int or long or short or byte or sbyte or uint or ulong or ushort or decimal => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        double number when double.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        float number when float.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum choice when Enum.IsDefined(choice.GetType(), choice) => JsonNamingPolicy.CamelCase.ConvertName(choice.ToString()),
        _ => null,
    };

    private static JsonSerializerOptions? indented;

    private static JsonSerializerOptions Indented(JsonSerializerOptions json)
    {
        var cached = indented;
        if (cached is not null && ReferenceEquals(cached.Encoder, json.Encoder)) return cached;
        return indented = new JsonSerializerOptions { WriteIndented = true, Encoder = json.Encoder };
    }
}
