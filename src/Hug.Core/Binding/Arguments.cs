using System.Reflection;
using System.Text.Json;

namespace Hug.Binding;

/// <summary>In-process arguments (an anonymous object, a record or a dictionary) as the raw values the binder reads.</summary>
internal static class Arguments
{
    /// <summary>
    /// Each property or entry by name (case-insensitive): text stays text, so it is converted and
    /// validated exactly as a query string would be; anything else goes through JSON with the API's settings.
    /// </summary>
    public static Dictionary<string, RawValue> From(object? arguments, JsonSerializerOptions json)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, object?>> pairs = arguments switch
        {
            null => [],
            IEnumerable<KeyValuePair<string, object?>> dictionary => dictionary,
            _ => Properties(arguments),
        };
        foreach (var (key, value) in pairs)
            values[key] = value switch
            {
                null => RawValue.Missing,
                string text => RawValue.FromStrings(text),
                JsonElement element => RawValue.FromJson(element),
                _ => RawValue.FromJson(JsonSerializer.SerializeToElement(value, json.GetTypeInfo(value.GetType()))),
            };
        return values;
    }

    /// <summary>
    /// An argument object's public properties, by reflection: refused under Native AOT, which keeps no metadata for it
    /// (pass a dictionary there). Issue 18's typed client replaces this with generated accessors.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "Refused under Native AOT just below. A trimmed (not AOT) program may lose an argument object's unread properties: it passes a dictionary too.")]
    private static IEnumerable<KeyValuePair<string, object?>> Properties(object arguments)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            throw new NotSupportedException($"Arguments as an object ({arguments.GetType().Name}) are read by reflection, which Native AOT does not keep: "
                + "pass an IReadOnlyDictionary<string, object?> (or IEnumerable<KeyValuePair<string, object?>>) instead.");
        return arguments.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(arguments)));
    }
}
