using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hug.Formats;

/// <summary>
/// Where System.Text.Json finds the metadata of the types it writes and reads. Hug's settings resolve, in order: the
/// user's (a <c>JsonSerializerContext</c> set as <see cref="JsonSerializerOptions.TypeInfoResolver"/> or added to its
/// chain), then Hug's own context (the common scalars and Hug's wire shapes), then reflection where it is enabled. Under
/// Native AOT reflection is not: a type outside the user's context and Hug's is a clear error naming it, not a crash.
/// Every serialisation goes through <see cref="JsonSerializerOptions.GetTypeInfo"/>, which asks this chain.
/// </summary>
internal static class HugJson
{
    /// <summary>Completes the resolver chain of <paramref name="options"/> (not yet read-only) as described above.</summary>
    public static void AddResolvers(JsonSerializerOptions options)
    {
        if (options.TypeInfoResolver is null) options.TypeInfoResolver = HugJsonContext.Default;
        else if (!options.TypeInfoResolverChain.Contains(HugJsonContext.Default)) options.TypeInfoResolverChain.Add(HugJsonContext.Default);
        if (JsonSerializer.IsReflectionEnabledByDefault) options.TypeInfoResolverChain.Add(Reflection());
    }

    /// <summary>Options for Hug's own documents (JSON nodes), indented, with nothing but Hug's context.</summary>
    public static JsonSerializerOptions Documents { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = HugJsonContext.Default,
    };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only added where reflection-based serialisation is enabled (the feature switch Native AOT turns off).")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above.")]
    private static IJsonTypeInfoResolver Reflection() => new DefaultJsonTypeInfoResolver();
}

/// <summary>
/// Enums as camelCase names (System.Text.Json's <c>JsonStringEnumConverter</c>), without making generic code at run time:
/// the enums of parameters and results register their typed converter through their generated shape
/// (<see cref="Generation.Shapes.Enum{T}"/>); any other enum is converted through reflection where it is enabled, and
/// under Native AOT left to the user's context (its own enum settings).
/// </summary>
internal sealed class EnumNamesConverter : JsonConverterFactory
{
    // Weak keys: an unloaded assembly's enums (hug --reload) must not stay pinned; the factories depend on no settings.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Type, Func<JsonSerializerOptions, JsonConverter?>> Shaped = new();

    public static void Register<T>() where T : struct, Enum =>
        Shaped.TryAdd(typeof(T), static options => new JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase).CreateConverter(typeof(T), options));

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && (Shaped.TryGetValue(typeToConvert, out _) || System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Shaped.TryGetValue(typeToConvert, out var create) ? create(options) : Reflected(typeToConvert, options);

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only where dynamic code is supported: CanConvert refuses unshaped enums under Native AOT.")]
    private static JsonConverter? Reflected(Type type, JsonSerializerOptions options) =>
        new JsonStringEnumConverter(JsonNamingPolicy.CamelCase).CreateConverter(type, options);
}

/// <summary>The types Hug writes or reads itself, and the common scalars of parameters and results (generated metadata).</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(double?))]
[JsonSerializable(typeof(decimal?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(WebSockets.CallAnswer))]
[JsonSerializable(typeof(WebSockets.CallItem))]
[JsonSerializable(typeof(WebSockets.CallDone))]
[JsonSerializable(typeof(WebSockets.CallError))]
[JsonSerializable(typeof(WebSockets.CallHandled))]
internal sealed partial class HugJsonContext : JsonSerializerContext;
