using System.Collections.Concurrent;
using Hug.Binding;
using Hug.Cli;
using Hug.Http;
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
    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    public static TypeShape Of(Type type) => Shapes.GetOrAdd(type, static t => Known(t)
        ?? (TypeShape)Activator.CreateInstance(typeof(TypeShape<>).MakeGenericType(t))!);

    private static TypeShape? Known(Type type) =>
        type == typeof(int) ? new TypeShape<int>()
        : type == typeof(long) ? new TypeShape<long>()
        : type == typeof(double) ? new TypeShape<double>()
        : type == typeof(decimal) ? new TypeShape<decimal>()
        : type == typeof(bool) ? new TypeShape<bool>()
        : type == typeof(Guid) ? new TypeShape<Guid>()
        : type == typeof(DateTime) ? new TypeShape<DateTime>()
        : type == typeof(int?) ? new TypeShape<int?>()
        : type == typeof(NoResult) ? new TypeShape<NoResult>()
        : null;

    public abstract ParameterBinder ValueBinder(ParameterDescriptor parameter, bool wholeBody, Func<System.Text.Json.JsonSerializerOptions> json);

    public abstract ParameterBinder ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api);

    public abstract ParameterBinder ServiceBinder(ParameterDescriptor parameter);

    /// <summary>The command of an endpoint whose result (<see cref="InvokerCompiler.ResultType"/>) is this type.</summary>
    public abstract CliEndpoint CliEndpoint(EndpointDescriptor descriptor, CliCommandOptions options, CliServices services, HugApi api);

    /// <summary>The HTTP handler of an endpoint whose result is this type.</summary>
    public abstract HttpEndpoint HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan);
}

internal sealed class TypeShape<T> : TypeShape
{
    public override ParameterBinder ValueBinder(ParameterDescriptor parameter, bool wholeBody, Func<System.Text.Json.JsonSerializerOptions> json) =>
        new ValueBinder<T>(parameter, wholeBody, json);

    public override ParameterBinder ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api) =>
        new ContextBinder<T>(parameter, endpoint, api);

    public override ParameterBinder ServiceBinder(ParameterDescriptor parameter) => new ServiceBinder<T>(parameter);

    public override CliEndpoint CliEndpoint(EndpointDescriptor descriptor, CliCommandOptions options, CliServices services, HugApi api) =>
        new CliEndpoint<T>(descriptor, options, services, api);

    public override HttpEndpoint HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan) =>
        new HttpEndpoint<T>(descriptor, route, plan);
}
