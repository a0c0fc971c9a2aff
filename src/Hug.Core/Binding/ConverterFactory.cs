using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hug.Invocation;

namespace Hug.Binding;

/// <summary>Chooses the converter of a parameter type, once, at start-up; null means unsupported.</summary>
internal static class ConverterFactory
{
    /// <summary>The converter for text-shaped values, or null when the type is not a scalar.</summary>
    public static ValueConverter? TryCreateScalar(Type type) => ScalarCache.Scalars.GetValue(type, static t => new(CreateScalar(t))).Converter;

    /// <summary>Its own class, so describing an endpoint does not create the cache (or load System.Collections.Concurrent).</summary>
    private static class ScalarCache
    {
        // Weak keys: a type of an assembly the hug tool unloads (--reload) must not stay pinned here.
        public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Type, ScalarConverterBox> Scalars = new();
    }

    public static ValueConverter? TryCreate(Type type, string? delimiter, JsonSerializerOptions json) => TryCreate(type, delimiter, new HugOptions { Json = json });

    /// <summary>
    /// As above, through the type's <paramref name="shape"/> when the source generator wrote one (it chose the
    /// converter at compile time); the JSON settings of <paramref name="options"/> are made only when the type is JSON-shaped.
    /// </summary>
    public static ValueConverter? TryCreate(Type type, string? delimiter, HugOptions options, TypeShape? shape = null) =>
        TryCreateText(type, delimiter, shape) ?? TryCreateJson(type, options, shape);

    /// <summary>The converter of a text-shaped type (a scalar, or a list of them), which needs no JSON settings; null otherwise.</summary>
    public static ValueConverter? TryCreateText(Type type, string? delimiter, TypeShape? shape = null)
    {
        if (shape is not null) return shape.Converter(delimiter);
        if (CreateScalar(type) is { } scalar) return scalar;
        return CollectionElement(type) is { } element && CreateScalar(element) is { } elementConverter
            ? Generic.Construct<ValueConverter>(Generic.Close(typeof(CollectionConverter<,>), type, element),
                elementConverter, delimiter, CollectionFactory(type, element))
            : null;
    }

    /// <summary>
    /// The converter of a JSON-shaped type, read through the API's JSON settings (which this makes read-only: so it runs
    /// when the API is first used, after its set-up, never while a type is registered); null when it is not JSON-shaped.
    /// </summary>
    public static ValueConverter? TryCreateJson(Type type, HugOptions options, TypeShape? shape = null)
    {
        if (!IsJsonShaped(type, options.ReadOnlyJson)) return null;
        return shape is not null
            ? shape.JsonConverter(options.ReadOnlyJson)
            : Generic.Create<ValueConverter>(typeof(JsonValueConverter<>), type, options.ReadOnlyJson);
    }

    private static ValueConverter? CreateScalar(Type type) => Common(type) ?? CreateOtherScalar(type);

    /// <summary>The converters of the common scalars, made without reflection: string, bool and the usual numbers.</summary>
    public static ValueConverter? Common(Type type)
    {
        if (type == typeof(string)) return Text();
        if (type == typeof(bool)) return Boolean();
        return CommonNumber(type);
    }

    /// <summary>The less common scalars, in their own method (see <see cref="ScalarMessages"/>: a method's named types load when it is first called).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter? CreateOtherScalar(Type type)
    {
        if (type.IsEnum) return Generic.Create<ValueConverter>(typeof(EnumConverter<>), type);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return CreateScalar(underlying) is { } inner
                ? Generic.Create<ValueConverter>(typeof(NullableConverter<>), underlying, inner)
                : null;
        if (!ImplementsParsable(type)) return null;
        var message = ScalarMessages.For(type);
        if (Implements(type, typeof(System.Numerics.INumberBase<>)))
            return Generic.Create<ValueConverter>(typeof(NumberConverter<>), type, message.Description, message.Error,
                Implements(type, typeof(System.Numerics.IBinaryInteger<>)) ? System.Globalization.NumberStyles.Integer : System.Globalization.NumberStyles.Float);
        return Generic.Create<ValueConverter>(typeof(ParsableConverter<>), type, message.Description, message.Error);
    }

    /// <summary>
    /// The usual number types, created directly: no interface scan, and code that ReadyToRun
    /// precompiles in Hug. (<see cref="NumberConverter{T}"/> calls static abstract interface members,
    /// which ReadyToRun leaves to the JIT: three methods compiled at a command's start-up.)
    /// </summary>
    private static ValueConverter? CommonNumber(Type type) =>
        type == typeof(int) ? Int32() : type == typeof(long) ? Int64() : type == typeof(double) ? Double() : type == typeof(decimal) ? Decimal() : null;

    // One method per type: a method's types load when it is first called, so converting an int loads
    // no long, double or decimal converter.

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter Text() => new StringConverter();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter Boolean() => new BooleanConverter();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter Int32() => Number<int>(int.TryParse, System.Globalization.NumberStyles.Integer);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter Int64() => Number<long>(long.TryParse, System.Globalization.NumberStyles.Integer);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter Double() => Number<double>(double.TryParse, System.Globalization.NumberStyles.Float);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValueConverter Decimal() => Number<decimal>(decimal.TryParse, System.Globalization.NumberStyles.Float);

    private static ParsedNumberConverter<T> Number<T>(NumberParser<T> parse, System.Globalization.NumberStyles styles)
    {
        var message = ScalarMessages.For(typeof(T));
        return new ParsedNumberConverter<T>(message.Description, message.Error, parse, styles);
    }

    private static bool ImplementsParsable(Type type) => !type.IsAbstract && Implements(type, typeof(IParsable<>));

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Invocation.ReflectionMode.Justification)]
    private static bool Implements(Type type, Type selfInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == selfInterface && i.GetGenericArguments()[0] == type);

    /// <summary>The element type of arrays, <c>List&lt;T&gt;</c> and the interfaces a list implements.</summary>
    public static Type? CollectionElement(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = Invocation.ReflectionMode.Justification)]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2060", Justification = Invocation.ReflectionMode.Justification)]
    private static Delegate CollectionFactory(Type collection, Type element)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw Invocation.ReflectionMode.Refused($"Type {collection.Name}");
        var method = typeof(ConverterFactory).GetMethod(collection.IsArray ? nameof(ToArray) : nameof(AsList), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(element);
        return method.CreateDelegate(Generic.Close(typeof(Func<,>), Generic.Close(typeof(List<>), element), collection));
    }

    private static TElement[] ToArray<TElement>(List<TElement> items) => [.. items];

    private static List<TElement> AsList<TElement>(List<TElement> items) => items;

    private static bool IsJsonShaped(Type type, JsonSerializerOptions json)
    {
        if (type == typeof(JsonElement)) return true;
        if (type == typeof(object) || type.IsPointer || type.IsByRef || typeof(Delegate).IsAssignableFrom(type)
            || typeof(Type).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type) || type.ContainsGenericParameters)
            return false;
        JsonTypeInfo info;
        try
        {
            info = json.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => !type.IsAbstract && !type.IsInterface,
            JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => true,
            _ => false,
        };
    }

    private sealed record ScalarConverterBox(ValueConverter? Converter);
}
