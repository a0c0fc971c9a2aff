using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using Hug.Binding;
using Hug.Invocation;

namespace Hug.Generation;

/// <summary>
/// The type shapes the source generator writes for parameter and result types other than the common
/// scalars (see <see cref="TypeShape"/>): each names the converter the type needs, chosen at compile time by
/// the same rules <see cref="ConverterFactory"/> applies through reflection, so start-up closes no generic
/// type by reflection (Native AOT cannot) and ReadyToRun compiles the pieces with the user's assembly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Shapes
{
    /// <summary>A type read as JSON, filled by the framework, or a result: no scalar converter of its own.</summary>
    public static TypeShape Of<T>() => new TypeShape<T>();

    /// <summary>An enum, accepted by its names.</summary>
    public static TypeShape Enum<T>() where T : struct, System.Enum
    {
        Formats.EnumNamesConverter.Register<T>();
        return new ScalarShape<T>(static () => new EnumConverter<T>());
    }

    /// <summary>A number type (<see cref="INumberBase{TSelf}"/>); <paramref name="integer"/> when it is an <see cref="IBinaryInteger{TSelf}"/>.</summary>
    public static TypeShape Number<T>(bool integer) where T : INumberBase<T> => new ScalarShape<T>(() =>
    {
        var message = ScalarMessages.For(typeof(T));
        return new NumberConverter<T>(message.Description, message.Error, integer ? NumberStyles.Integer : NumberStyles.Float);
    });

    /// <summary>Any other <see cref="IParsable{TSelf}"/> type (a <see cref="Guid"/>, a date, a user's own).</summary>
    public static TypeShape Parsable<T>() where T : IParsable<T> => new ScalarShape<T>(static () =>
    {
        var message = ScalarMessages.For(typeof(T));
        return new ParsableConverter<T>(message.Description, message.Error);
    });

    /// <summary><c>T?</c> over a scalar <typeparamref name="T"/> whose shape is <paramref name="value"/>.</summary>
    public static TypeShape Nullable<T>(TypeShape value) where T : struct =>
        new ScalarShape<T?>(() => value.Converter(null) is ScalarConverter<T> inner ? new NullableConverter<T>(inner) : null);

    /// <summary>An array or list of scalars (element shape <paramref name="element"/>), made from the values read by <paramref name="create"/>.</summary>
    public static TypeShape Collection<TCollection, TElement>(TypeShape element, Func<List<TElement>, TCollection> create) =>
        new CollectionShape<TCollection, TElement>(element, create);

    /// <summary>An <c>ILogger&lt;TCategory&gt;</c> parameter: its discarding logger made without reflection.</summary>
    public static TypeShape Logger<TCategory>() => new LoggerShape<TCategory>();

    /// <summary>An <c>IAsyncEnumerable&lt;TItem&gt;</c> result, written item by item.</summary>
    public static TypeShape Stream<TStream, TItem>() where TStream : IAsyncEnumerable<TItem> => new StreamShape<TStream>(new TypeShape<TItem>());
}

/// <summary>A scalar type whose converter the generator chose.</summary>
internal sealed class ScalarShape<T>(Func<ScalarConverter<T>?> create) : TypeShape<T>
{
    internal override ValueConverter? Converter(string? delimiter) => create();
}

internal sealed class CollectionShape<TCollection, TElement>(TypeShape element, Func<List<TElement>, TCollection> create) : TypeShape<TCollection>
{
    internal override ValueConverter? Converter(string? delimiter) =>
        element.Converter(null) is ScalarConverter<TElement> scalar ? new CollectionConverter<TCollection, TElement>(scalar, delimiter, create) : null;
}

internal sealed class StreamShape<TStream>(TypeShape item) : TypeShape<TStream>
{
    internal override TypeShape? StreamItem => item;
}

internal sealed class LoggerShape<TCategory> : TypeShape<Microsoft.Extensions.Logging.ILogger<TCategory>>
{
    internal override object? Discarding => Microsoft.Extensions.Logging.Abstractions.NullLogger<TCategory>.Instance;
}
