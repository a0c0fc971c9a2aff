using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hug;

/// <summary>
/// hug's <c>errors</c> object on the wire, in ASP.NET Core's <c>HttpValidationProblemDetails</c> shape: each key
/// holds an array of messages. The pipeline keeps one message per key (it reports a parameter once); this is where
/// that map becomes the wire's and comes back from it.
/// </summary>
internal static class ErrorMap
{
    public static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    public static IReadOnlyDictionary<string, string[]> ToArrays(IReadOnlyDictionary<string, string> errors)
    {
        var arrays = new Dictionary<string, string[]>(errors.Count);
        foreach (var (key, message) in errors) arrays[key] = [message];
        return arrays;
    }

    public static IReadOnlyDictionary<string, string[]> One(string key, string message) => new Dictionary<string, string[]>(1) { [key] = [message] };

    /// <summary>
    /// An <c>errors</c> object as a client reads it: arrays of messages, or a lone string per key (hug's own servers
    /// write that); anything else is kept as its JSON text, so nothing a server said is dropped.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Read(JsonElement errors)
    {
        if (errors.ValueKind != JsonValueKind.Object) return Empty;
        var map = new Dictionary<string, string[]>();
        foreach (var property in errors.EnumerateObject())
            map[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Array => [.. property.Value.EnumerateArray().Select(Text)],
                _ => [Text(property.Value)],
            };
        return map;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

/// <summary>Writes a one-message-per-key map as the wire's arrays (<see cref="ErrorMap"/>); for the WebSocket call answers.</summary>
internal sealed class ErrorArraysConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Error maps are only written.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, message) in value)
        {
            writer.WriteStartArray(key);
            writer.WriteStringValue(message);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
