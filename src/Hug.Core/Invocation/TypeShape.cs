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
/// so ReadyToRun precompiles their code.
/// </summary>
internal abstract class TypeShape
{
    /// <summary>The shape of <paramref name="type"/>: the common types directly, the others made once by reflection.</summary>
    public static TypeShape Of(Type type) => Known(type) ?? Make(type);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TypeShape Make(Type type) =>
        Made.Shapes.GetValue(type, static t => (TypeShape)Activator.CreateInstance(typeof(TypeShape<>).MakeGenericType(t))!);

    /// <summary>
    /// Each through <see cref="New{T}"/>: ReadyToRun resolves every type a method allocates when the
    /// method is first called, so allocating them all here would load nine shapes to use one.
    /// </summary>
    private static TypeShape? Known(Type type) =>
        type == typeof(int) ? New<int>()
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
    public static Type ResultType(EndpointDescriptor endpoint) => endpoint.HasResult ? endpoint.ResultType : typeof(NoResult);

    /// <summary>The item type when <paramref name="type"/> is (or implements) <c>IAsyncEnumerable&lt;T&gt;</c>; else null.</summary>
    public static Type? AsyncStreamItem(Type type)
    {
        if (type.IsPrimitive || type == typeof(string)) return null;
        foreach (var candidate in type.GetInterfaces())
            if (IsAsyncEnumerable(candidate)) return candidate.GetGenericArguments()[0];
        return IsAsyncEnumerable(type) ? type.GetGenericArguments()[0] : null;
    }

    private static bool IsAsyncEnumerable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);

    public abstract ParameterBinder ValueBinder(ParameterDescriptor parameter, bool wholeBody, HugOptions options);

    public abstract ParameterBinder ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api);

    public abstract ParameterBinder ServiceBinder(ParameterDescriptor parameter);

    /// <summary>The call pipeline of an endpoint whose result is this type, over an invoker made for it.</summary>
    public abstract Pipeline.CallPipeline Pipeline(HugApi api, Delegate invoker, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms);

    /// <summary>
    /// The pipeline of an endpoint whose result is this type over the direct (generated) or reflective call
    /// (<see cref="ReflectionInvoker"/>): for interfaces that make one call per process, the command line.
    /// </summary>
    public abstract Pipeline.CallPipeline DirectPipeline(HugApi api, EndpointDescriptor endpoint, ParameterBinder[] binders,
        IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms);

    /// <summary>
    /// Hands this type to <paramref name="visitor"/> as a type argument: how an adapter, which the core
    /// cannot see, makes its own generic pieces (the HTTP adapter's typed responders) without reflection.
    /// </summary>
    public abstract TOut Accept<TOut>(ITypeShapeVisitor<TOut> visitor);
}

/// <summary>Makes something generic over the type a <see cref="TypeShape"/> stands for (<see cref="TypeShape.Accept{TOut}"/>).</summary>
internal interface ITypeShapeVisitor<out TOut>
{
    TOut Visit<T>();
}

internal sealed class TypeShape<T> : TypeShape
{
    public override ParameterBinder ValueBinder(ParameterDescriptor parameter, bool wholeBody, HugOptions options) =>
        new ValueBinder<T>(parameter, wholeBody, options);

    public override ParameterBinder ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api) =>
        new ContextBinder<T>(parameter, endpoint, api);

    public override ParameterBinder ServiceBinder(ParameterDescriptor parameter) => new ServiceBinder<T>(parameter);

    public override Pipeline.CallPipeline Pipeline(HugApi api, Delegate invoker, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms) =>
        new Pipeline.CallPipeline<T>(api, (Func<Generation.CallArguments, ValueTask<T>>)invoker, requirements, transforms);

    public override Pipeline.CallPipeline DirectPipeline(HugApi api, EndpointDescriptor endpoint, ParameterBinder[] binders,
        IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms) =>
        new Pipeline.CallPipeline<T>(api, ReflectionInvoker.Create<T>(endpoint, binders), requirements, transforms);

    public override TOut Accept<TOut>(ITypeShapeVisitor<TOut> visitor) => visitor.Visit<T>();
}
