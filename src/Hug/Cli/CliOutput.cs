using System.Text.Json;

namespace Hug.Cli;

/// <summary>
/// How results print: strings and scalars plain (<c>3</c>, <c>hello</c>, <c>2024-01-31</c>),
/// objects and collections as indented JSON, null and void as nothing; a stream one line per item.
/// </summary>
internal static class CliOutput
{
    public static string? Format(object? value, Type type, JsonSerializerOptions json, bool indented = true)
    {
        if (value is null) return null;
        var element = JsonSerializer.SerializeToElement(value, type, json);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Object or JsonValueKind.Array when indented => JsonSerializer.Serialize(element, Indented(json)),
            _ => element.GetRawText(),
        };
    }

    /// <summary>A default value as help shows it.</summary>
    public static string Plain(object value, Type type) => Format(value, type, HugOptions.CreateJsonOptions(), indented: false) ?? "";

    private static JsonSerializerOptions? indented;

    private static JsonSerializerOptions Indented(JsonSerializerOptions json)
    {
        var cached = indented;
        if (cached is not null && ReferenceEquals(cached.Encoder, json.Encoder)) return cached;
        return indented = new JsonSerializerOptions { WriteIndented = true, Encoder = json.Encoder };
    }
}
