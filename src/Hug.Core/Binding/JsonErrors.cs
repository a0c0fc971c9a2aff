using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text;

namespace Hug.Binding;

/// <summary>
/// Turns System.Text.Json's exceptions into messages a client can act on, with the member path,
/// and without .NET type names ("The JSON value could not be converted to System.Int32"). The messages are read
/// by hand, not with regular expressions: those alone put the regex engine into every native binary (measured:
/// benchmarks/RESULTS.md); JsonErrorsTests holds the parsing to what the expressions matched.
/// </summary>
internal static class JsonErrors
{
    public static ConversionError Describe(JsonException exception, Type root, JsonSerializerOptions options)
    {
        var path = exception.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..].TrimStart('.') : null;
        var message = exception.Message;
        if (MissingProperties(message) is { } missing)
            return new ConversionError("Missing required properties: " + missing.TrimEnd('.'), path);
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

    /// <summary>The syntax error in <paramref name="json"/>, as parsing it into a document reports it; null when it is JSON.</summary>
    public static JsonException? SyntaxError(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read()) { }
            return null;
        }
        catch (JsonException exception)
        {
            return exception;
        }
    }

    private static string Trim(string message)
    {
        var pathIndex = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var cut = pathIndex >= 0 ? message[..pathIndex] : message;
        return WithoutTypeNames(cut);
    }

    private static string ExpectedAt(Type root, string? path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (var (name, isIndex) in Segments("." + path))
        {
            var info = options.GetTypeInfo(type);
            if (isIndex)
            {
                type = info.ElementType ?? type;
                continue;
            }
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

    /// <summary>The list after "missing required properties, including: " (any case; comma and colon optional), else null.</summary>
    internal static string? MissingProperties(string message)
    {
        const string Marker = "missing required properties", Including = " including";
        for (var at = message.IndexOf(Marker, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = message.IndexOf(Marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var rest = message.AsSpan(at + Marker.Length);
            if (rest.StartsWith(",")) rest = rest[1..];
            if (!rest.StartsWith(Including, StringComparison.OrdinalIgnoreCase)) continue;
            rest = rest[Including.Length..];
            if (rest.StartsWith(":")) rest = rest[1..];
            // The list runs to the end of the message (or of its last line's final newline), on one line.
            var list = rest.EndsWith("\n") ? rest[..^1] : rest;
            if (list.Length >= 2 && list[0] == ' ' && !list.Contains('\n')) return list[1..].ToString();
        }
        return null;
    }

    /// <summary>The segments of a JSON path (<c>.name</c>, <c>[0]</c>, <c>['quoted name']</c>), each a name or an index; stops at anything else.</summary>
    internal static IEnumerable<(string Name, bool IsIndex)> Segments(string path)
    {
        for (var i = 0; i < path.Length;)
        {
            if (path[i] == '.' && i + 1 < path.Length && path[i + 1] is not '.' and not '[')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                yield return (path[(i + 1)..end], false);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['") && path.IndexOf("']", i + 2, StringComparison.Ordinal) is var close and >= 0
                     && path.IndexOf('\'', i + 2) == close)
            {
                yield return (path[(i + 2)..close], false);
                i = close + 2;
            }
            else if (path[i] == '[' && DigitsThenBracket(path, i + 1) is var bracket and > 0)
            {
                yield return (path[(i + 1)..bracket], true);
                i = bracket + 1;
            }
            else i++; // not a segment here: look further, as a regular expression's matches would
        }
    }

    private static int DigitsThenBracket(string path, int start)
    {
        var i = start;
        while (i < path.Length && char.IsAsciiDigit(path[i])) i++;
        return i > start && i < path.Length && path[i] == ']' ? i : -1;
    }

    /// <summary>The text without " to System.Int32" / " for type 'System.Collections.Generic.List`1[…]'" mentions of .NET types.</summary>
    internal static string WithoutTypeNames(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var end = TypeNameEnd(text, i);
            if (end > i) i = end;
            else result.Append(text[i++]);
        }
        return result.ToString();
    }

    /// <summary>Where a type mention starting at <paramref name="start"/> ends (<c> ?(for|to) (type )?'?System\.[\w.`\[\], ]+'?</c>), else -1.</summary>
    private static int TypeNameEnd(string text, int start)
    {
        var span = text.AsSpan(start);
        var i = span.StartsWith(" ") ? 1 : 0;
        if (span[i..].StartsWith("for ")) i += 4;
        else if (span[i..].StartsWith("to ")) i += 3;
        else return -1;
        if (span[i..].StartsWith("type ")) i += 5;
        if (span[i..].StartsWith("'")) i++;
        if (!span[i..].StartsWith("System.")) return -1;
        i += "System.".Length;
        var name = i;
        while (i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] is '_' or '.' or '`' or '[' or ']' or ',' or ' ')) i++;
        if (i == name) return -1;
        if (i < span.Length && span[i] == '\'') i++;
        return start + i;
    }
}
