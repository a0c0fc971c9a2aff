using Hug.Binding;
using Hug.Introspection;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Invocation;

/// <summary>The generated typed call site of an endpoint, when the source generator wrote one (see Generation/GeneratedCall.cs).</summary>
internal static class GeneratedCall
{
    /// <summary>
    /// A <c>Func&lt;CallArguments, ValueTask&lt;R&gt;&gt;</c> (R: <see cref="TypeShape.ResultType"/>) calling the method directly,
    /// or null when the generator left it to reflection: the invoker every pipeline takes (the binding context is the call's arguments).
    /// </summary>
    public static Delegate? For(EndpointDescriptor endpoint, ParameterBinder[] binders) =>
        endpoint.Facts.Call is { } call ? call(binders, TargetOf(endpoint)) : null;

    private static Func<Generation.CallArguments, object>? TargetOf(EndpointDescriptor endpoint)
    {
        if (endpoint.Facts.IsStatic) return null;
        if (endpoint.Target is { } target) return _ => target;
        var factory = endpoint.Facts.Factory?.Invoke() ?? ReflectionMode.Factory(endpoint.Facts.DeclaringType!);
        return arguments => ((BindingContext)arguments).CreateTarget(factory);
    }
}
