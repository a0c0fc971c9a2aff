using Hug.Pipeline;
using System.Collections.Concurrent;
using Hug.Binding;
using Hug.Introspection;

namespace Hug.Invocation;

/// <summary>
/// One type argument as an object, from which the generic pieces over that type are created with
/// plain <c>new</c>. Start-up used to build each piece with <c>Activator.CreateInstance(type, args)</c>,
/// and reflection compiles an invoke stub per constructor on its second call (System.Reflection.Emit
/// plus a fully optimised JIT, ≈2 ms each on the command line's path); a shape costs one
/// parameterless construction per type, and the common types are instantiated here in Hug itself,
/// so ReadyToRun precompiles their code. The source generator writes the shape of every other parameter
/// and result type (<see cref="Generation.Shapes"/>), with the converter it chose, so a generated API
/// closes no generic type by reflection; <see cref="Of"/> makes them for methods it did not describe.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract class TypeShape
{
    private protected TypeShape()
    {
    }

    /// <summary>The shape of <paramref name="type"/>: the common types directly, the others made once by reflection.</summary>
    internal static TypeShape Of(Type type) => Known(type) ?? Make(type);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TypeShape Make(Type type)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw ReflectionMode.Refused($"Type {type.Name}");
        return Made.Shapes.GetValue(type, static t => Generic.Construct<TypeShape>(Generic.Close(typeof(TypeShape<>), t)));
    }

    /// <summary>
    /// Each through <see cref="New{T}"/>: ReadyToRun resolves every type a method allocates when the
    /// method is first called, so allocating them all here would load ten shapes to use one.
    /// </summary>
    private static TypeShape? Known(Type type) =>
        type == typeof(int) ? New<int>()
        : type == typeof(string) ? New<string>()
        : type == typeof(long) ? New<long>()
        : type == typeof(double) ? New<double>()
        : type == typeof(decimal) ? New<decimal>()
        : type == typeof(bool) ? New<bool>()
        : type == typeof(Guid) ? New<Guid>()
        : type == typeof(DateTime) ? New<DateTime>()
        : type == typeof(int?) ? New<int?>()
        : type == typeof(NoResult) ? New<NoResult>()
        : null;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TypeShape New<T>() => new TypeShape<T>();

    /// <summary>Shapes made by reflection; its own class, so the common types never create the cache.</summary>
    private static class Made
    {
        // Weak keys: a type of an assembly the hug tool unloads (--reload) must not stay pinned here.
        public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Type, TypeShape> Shapes = new();
    }

    /// <summary>The type a pipeline of <paramref name="endpoint"/> is made over: its result type, or <see cref="NoResult"/> for none.</summary>
    internal static Type ResultType(EndpointDescriptor endpoint) => endpoint.HasResult ? endpoint.ResultType : typeof(NoResult);

    /// <summary>The item type when <paramref name="type"/> is (or implements) <c>IAsyncEnumerable&lt;T&gt;</c>; else null.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "Trimming drops an interface only where the program never uses it: a stream the program writes keeps IAsyncEnumerable<T>.")]
    internal static Type? AsyncStreamItem(Type type)
    {
        if (type.IsPrimitive || type == typeof(string)) return null;
        foreach (var candidate in type.GetInterfaces())
            if (IsAsyncEnumerable(candidate)) return candidate.GetGenericArguments()[0];
        return IsAsyncEnumerable(type) ? type.GetGenericArguments()[0] : null;
    }

    private static bool IsAsyncEnumerable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);

    /// <summary>
    /// The converter of a text-shaped value of this type: the one the generator chose (an enum, a number, a list
    /// of scalars…), or the core's for the common scalars; null for a JSON-shaped type or one that is no value.
    /// </summary>
    internal abstract ValueConverter? Converter(string? delimiter);

    /// <summary>The converter reading this type as JSON (once the type is known to be JSON-shaped).</summary>
    internal abstract ValueConverter JsonConverter(System.Text.Json.JsonSerializerOptions json);

    /// <summary>For an <c>ILogger&lt;TCategory&gt;</c> shape, the logger that discards (when no logging is registered); else null.</summary>
    internal virtual object? Discarding => null;

    /// <summary>The item's shape when this type is an <c>IAsyncEnumerable&lt;T&gt;</c>; else null.</summary>
    internal abstract TypeShape? StreamItem { get; }

    internal abstract ParameterBinder ValueBinder(ParameterDescriptor parameter, bool wholeBody, HugOptions options);

    internal abstract ParameterBinder ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api);

    internal abstract ParameterBinder ServiceBinder(ParameterDescriptor parameter);

    /// <summary>The call pipeline of an endpoint whose result is this type, over an invoker made for it.</summary>
    internal abstract Pipeline.CallPipeline Pipeline(HugApi api, Delegate invoker, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms);

    /// <summary>
    /// The pipeline of an endpoint whose result is this type over the direct (generated) or reflective call
    /// (<see cref="ReflectionInvoker"/>): for interfaces that make one call per process, the command line.
    /// </summary>
    internal abstract Pipeline.CallPipeline DirectPipeline(HugApi api, EndpointDescriptor endpoint, ParameterBinder[] binders,
        IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms);

    /// <summary>
    /// Hands this type to <paramref name="visitor"/> as a type argument: how an adapter, which the core
    /// cannot see, makes its own generic pieces (the HTTP adapter's typed responders) without reflection.
    /// </summary>
    internal abstract TOut Accept<TOut>(ITypeShapeVisitor<TOut> visitor);
}

/// <summary>Makes something generic over the type a <see cref="TypeShape"/> stands for (<see cref="TypeShape.Accept{TOut}"/>).</summary>
internal interface ITypeShapeVisitor<out TOut>
{
    TOut Visit<T>();
}

/// <summary>The shape of <typeparamref name="T"/>; the generator's specialised shapes (Generation/Shapes.cs) derive from it.</summary>
internal class TypeShape<T> : TypeShape
{
    private TypeShape? streamItem;
    private bool streamChecked;

    /// <summary>The common scalars' converter (string, bool, the usual numbers); the generator's shapes give the others.</summary>
    internal override ValueConverter? Converter(string? delimiter) => ConverterFactory.Common(typeof(T));

    internal override ValueConverter JsonConverter(System.Text.Json.JsonSerializerOptions json) => new JsonValueConverter<T>(json);

    /// <summary>Found through reflection here (a method the generator did not describe); the generator's stream shape says it.</summary>
    internal override TypeShape? StreamItem
    {
        get
        {
            if (!streamChecked)
            {
                streamItem = AsyncStreamItem(typeof(T)) is { } item ? Of(item) : null;
                streamChecked = true;
            }
            return streamItem;
        }
    }

    internal override ParameterBinder ValueBinder(ParameterDescriptor parameter, bool wholeBody, HugOptions options) =>
        new ValueBinder<T>(parameter, wholeBody, options);

    internal override ParameterBinder ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api) =>
        new ContextBinder<T>(parameter, endpoint, api);

    internal override ParameterBinder ServiceBinder(ParameterDescriptor parameter) => new ServiceBinder<T>(parameter);

    internal override Pipeline.CallPipeline Pipeline(HugApi api, Delegate invoker, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms) =>
        new Pipeline.CallPipeline<T>(api, (Func<Generation.CallArguments, ValueTask<T>>)invoker, requirements, transforms);

    internal override Pipeline.CallPipeline DirectPipeline(HugApi api, EndpointDescriptor endpoint, ParameterBinder[] binders,
        IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms) =>
        new Pipeline.CallPipeline<T>(api, ReflectionInvoker.Create<T>(endpoint, binders), requirements, transforms);

    internal override TOut Accept<TOut>(ITypeShapeVisitor<TOut> visitor) => visitor.Visit<T>();
}
