using System.Diagnostics.CodeAnalysis;

namespace Hug;

/// <summary>
/// A function applied to a method's result on one interface, after the call and before the output
/// format: HTTP may return a string while C# callers keep the int. Transforms chain in declaration order.
/// </summary>
public interface ITransform
{
    /// <summary>The new result.</summary>
    object? Apply(object? result, CallContext call);
}

/// <summary>
/// Applies the <see cref="ITransform"/> type to the method's result on <see cref="Interfaces"/>
/// (an instance is created once, at start-up). Fluently: <c>api.Http.Transform(...)</c>.
/// </summary>
/// <param name="transform">A type implementing <see cref="ITransform"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class TransformAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type transform) : Attribute
{
    /// <summary>The transform's type (its constructor is kept by trimming and Native AOT: the attribute says it is used).</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type Type { get; } = transform;

    /// <summary>The interfaces it applies on (default: all).</summary>
    public HugInterfaces Interfaces { get; set; } = HugInterfaces.All;
}

/// <summary>Ready-made transforms.</summary>
public static class Transform
{
    /// <summary>A transform from a function.</summary>
    public static ITransform From(Func<object?, object?> apply) => new FunctionTransform((value, _) => apply(value));

    /// <summary>A transform from a function of the result and the call.</summary>
    public static ITransform From(Func<object?, CallContext, object?> apply) => new FunctionTransform(apply);

    /// <summary>
    /// Applies <paramref name="apply"/> only when the request's Content-Type or Accept names
    /// <paramref name="mediaType"/>, or its URL ends with <c>.</c><paramref name="suffix"/>; otherwise the result passes through.
    /// </summary>
    public static ITransform When(string mediaType, Func<object?, object?> apply, string? suffix = null) => new FunctionTransform((value, call) =>
    {
        if (!call.HasRequest) return value;
        var matches = (call.RequestHeader("Content-Type")?.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase) ?? false)
            || (call.RequestHeader("Accept")?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) ?? false)
            || (suffix is not null && (call.RequestPath?.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase) ?? false));
        return matches ? apply(value) : value;
    });

    private sealed class FunctionTransform(Func<object?, CallContext, object?> apply) : ITransform
    {
        public object? Apply(object? result, CallContext call) => apply(result, call);
    }
}
