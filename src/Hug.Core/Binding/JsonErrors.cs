using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Hug.Binding;

/// <summary>
/// Turns System.Text.Json's exceptions into messages a client can act on, with the member path,
/// and without .NET type names ("The JSON value could not be converted to System.Int32").
/// </summary>
internal static partial class JsonErrors
{
    public static ConversionError Describe(JsonException exception, Type root, JsonSerializerOptions options)
    {
        var path = exception.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..].TrimStart('.') : null;
        var message = exception.Message;
        var missing = MissingProperties().Match(message);
        if (missing.Success)
            return new ConversionError("Missing required properties: " + missing.Groups[1].Value.TrimEnd('.'), path);
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return new ConversionError(ExpectedAt(root, path, options), path);
        return new ConversionError("Malformed JSON: " + Trim(message), path);
    }

    /// <summary>The message of a syntax error in a body, such as <c>'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 1.</c></summary>
    /// <summary>The message for a JSON string that is not text: invalid UTF-8, or an escaped lone surrogate (<c>"\ud800"</c>).</summary>
    public const string InvalidText = "Invalid text: not valid UTF-8 (or an unpaired surrogate)";

    /// <summary>
    /// A JSON string's value, or false when it is not text. <c>JsonDocument</c> accepts such strings when parsing and
    /// only <c>GetString</c> refuses them, with an <see cref="InvalidOperationException"/> that would otherwise be a 500.
    /// </summary>
    public static bool TryGetString(JsonElement element, out string? text)
    {
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    /// <summary>A property's name, or false when it is not text (see <see cref="TryGetString"/>): such a property matches no parameter.</summary>
    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    public static string Malformed(JsonException exception) => "Malformed JSON: " + Trim(exception.Message);

    private static string Trim(string message)
    {
        var pathIndex = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var cut = pathIndex >= 0 ? message[..pathIndex] : message;
        return TypeName().Replace(cut, "");
    }

    private static string ExpectedAt(Type root, string? path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (Match segment in Segments().Matches("." + path))
        {
            var info = options.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                type = info.ElementType ?? type;
                continue;
            }
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
            if (property is null) break;
            type = property.PropertyType;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ConverterFactory.TryCreateScalar(type) is { } scalar)
            return scalar.Error;
        var kind = options.GetTypeInfo(type).Kind;
        return kind == JsonTypeInfoKind.Enumerable ? "Expected a JSON array" : kind == JsonTypeInfoKind.None ? "Invalid value provided" : "Expected a JSON object";
    }

    [GeneratedRegex(@"missing required properties,? including:? (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]")]
    private static partial Regex Segments();

    [GeneratedRegex(@" ?(for|to) (type )?'?System\.[\w.`\[\], ]+'?")]
    private static partial Regex TypeName();
}
