using System.Text.Json;
using Hug.Binding;

namespace Hug.Use;

/// <summary>A client's raw argument as the server reads it: text in a path or query string, or a value in a JSON body.</summary>
internal static class ArgumentText
{
    /// <summary>The query-string values: text as it is, JSON strings unquoted, numbers and booleans as written, each item of an array, objects as JSON text; nothing for null.</summary>
    public static IEnumerable<string> Of(RawValue value) => value.Kind switch
    {
        RawKind.Strings => value.Strings.Select(s => s ?? ""),
        RawKind.Json when value.Json.ValueKind == JsonValueKind.Array => value.Json.EnumerateArray().Select(Scalar),
        RawKind.Json when value.Json.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) => [Scalar(value.Json)],
        _ => [],
    };

    private static string Scalar(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    /// <summary>Writes the value into a JSON body: text as a string (several as an array), JSON as it is.</summary>
    public static void WriteJson(Utf8JsonWriter writer, RawValue value)
    {
        switch (value.Kind)
        {
            case RawKind.Strings when value.Strings.Count == 1:
                writer.WriteStringValue(value.Strings[0]);
                break;
            case RawKind.Strings:
                writer.WriteStartArray();
                foreach (var text in value.Strings) writer.WriteStringValue(text);
                writer.WriteEndArray();
                break;
            case RawKind.Json when value.Json.ValueKind != JsonValueKind.Undefined:
                value.Json.WriteTo(writer);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary><paramref name="text"/> as a JSON string element.</summary>
    public static JsonElement JsonString(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) writer.WriteStringValue(text);
        return JsonElement.Parse(buffer.WrittenSpan);
    }
}

/// <summary>Fills a route template's parameters (<c>/users/{id}</c>, <c>{id:int}</c>, <c>{*path}</c>) from the arguments, which lose them.</summary>
internal static class RouteTemplate
{
    public static string Fill(string template, Dictionary<string, RawValue> arguments)
    {
        if (!template.Contains('{')) return template;
        return System.Text.RegularExpressions.Regex.Replace(template, @"\{\*{0,2}([^}:=?]+)[^}]*\}", match =>
        {
            var name = match.Groups[1].Value;
            if (!arguments.Remove(name, out var value) || ArgumentText.Of(value).FirstOrDefault() is not { } text)
                throw new ArgumentException($"The route {template} needs a value for '{name}'.");
            return match.Value.StartsWith("{*", StringComparison.Ordinal)
                ? string.Join('/', text.Split('/').Select(Uri.EscapeDataString))
                : Uri.EscapeDataString(text);
        });
    }
}
