using System.Reflection;
using Hug.Generation;

namespace Hug.Introspection;

/// <summary>
/// What a method declares, from one of two sources: reflection (<see cref="Reflect"/>) or Hug's
/// source generator (<see cref="Generated"/>). <see cref="EndpointIntrospector"/> turns either into the
/// same descriptor; only the reflection source touches custom-attribute metadata.
/// </summary>
internal sealed class MethodFacts
{
    private readonly Func<MethodInfo>? find;
    private MethodInfo? method;

    private MethodFacts(MethodInfo? method, Func<MethodInfo>? find)
    {
        this.method = method;
        this.find = find;
    }

    /// <summary>The method, found through reflection on first use when the facts were generated.</summary>
    public MethodInfo Method => method ??= find!();

    /// <summary>The generated description this came from; null when read through reflection.</summary>
    public GeneratedMethod? Generated { get; private init; }

    public required string Name { get; init; }

    /// <summary><c>Type.Method</c>, as start-up errors and logs name it.</summary>
    public string DisplayName => DisplayNameOf(DeclaringType, Name);

    public static string DisplayNameOf(Type? type, string method) =>
        type is not null && !type.Name.StartsWith('<') ? type.Name + "." + method : method;
    public required Type? DeclaringType { get; init; }
    public required bool IsStatic { get; init; }
    public required bool IsGeneric { get; init; }
    public required Type ReturnType { get; init; }
    public required IReadOnlyList<Attribute> Attributes { get; init; }
    public required IReadOnlyList<Attribute> TypeAttributes { get; init; }
    /// <summary>The parameters as declared (the generator's model, which reflection fills too).</summary>
    public required GeneratedParameter[] Parameters { get; init; }

    /// <summary>The result type's shape when the generator wrote one; null: <see cref="Invocation.TypeShape.Of"/>.</summary>
    public Invocation.TypeShape? ResultShape { get; init; }

    /// <summary>The generated description of the method's type (its summary); null when read through reflection.</summary>
    public GeneratedType? GeneratedDeclaring { get; private init; }

    /// <summary>Makes the instance factory of the declaring type (the generator's); null: reflection makes it.</summary>
    public Func<Microsoft.Extensions.DependencyInjection.ObjectFactory>? Factory { get; init; }

    /// <summary>Makes the generated typed call site over the binders (<see cref="Generation.GeneratedMethod.Call"/>); null: reflection.</summary>
    public Func<object[], Func<Generation.CallArguments, object>?, Delegate>? Call { get; init; }

    /// <summary>Whether both describe the same method (generated facts compare without reflection).</summary>
    public bool SameMethodAs(MethodFacts other) =>
        Generated is not null && other.Generated is not null ? ReferenceEquals(Generated, other.Generated) : Method == other.Method;

    /// <summary>The facts of a method the generator did not describe (reflection mode: refused under Native AOT).</summary>
    public static MethodFacts Reflect(MethodInfo method)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            throw Invocation.ReflectionMode.Refused($"Method {DisplayNameOf(method.DeclaringType, method.Name)}");
        return Reflected(method);
    }

    private static MethodFacts Reflected(MethodInfo method) => new(method, null)
    {
        Name = method.Name,
        DeclaringType = method.DeclaringType,
        IsStatic = method.IsStatic,
        IsGeneric = method.ContainsGenericParameters,
        ReturnType = method.ReturnType,
        Attributes = Array.ConvertAll(method.GetCustomAttributes(true), a => (Attribute)a),
        TypeAttributes = method.DeclaringType is { } type ? Array.ConvertAll(type.GetCustomAttributes(true), a => (Attribute)a) : [],
        Parameters = Array.ConvertAll(method.GetParameters(), ReflectParameter),
    };

    /// <summary>
    /// A parameter as the generator would have written it. (An <c>out</c> parameter's type is by-reference, which
    /// the introspector refuses; a parameter with no name in metadata gets an empty one, refused there too.)
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Invocation.ReflectionMode.Justification)]
    private static GeneratedParameter ReflectParameter(ParameterInfo parameter) => new(
        parameter.Name ?? "",
        parameter.ParameterType,
        Array.ConvertAll(parameter.GetCustomAttributes(true), a => (Attribute)a),
        hasDefault: parameter.HasDefaultValue,
        defaultValue: parameter.HasDefaultValue ? parameter.DefaultValue : null,
        isNullable: !parameter.ParameterType.IsValueType && NullableAnnotation.IsNullable(parameter),
        fromServices: parameter.GetCustomAttributesData().Any(a => a.AttributeType.GetInterfaces().Any(i => i.FullName == "Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata")));

    public static MethodFacts Generate(Type type, GeneratedType declaring, GeneratedMethod generated) => new(null, generated.Method)
    {
        Generated = generated,
        Name = generated.Name,
        DeclaringType = type,
        IsStatic = generated.IsStatic,
        IsGeneric = false,
        ReturnType = generated.ReturnType,
        Attributes = generated.Attributes,
        TypeAttributes = declaring.Attributes,
        Parameters = generated.Parameters,
        ResultShape = generated.Result,
        GeneratedDeclaring = declaring,
        Call = generated.Call,
        Factory = declaring.Factory,
    };
}

/// <summary>Lookups over the attribute lists of <see cref="MethodFacts"/> (no LINQ: they run at start-up).</summary>
internal static class DeclaredAttributes
{
    public static T? First<T>(this IReadOnlyList<Attribute> attributes) where T : Attribute
    {
        for (var i = 0; i < attributes.Count; i++)
            if (attributes[i] is T found) return found;
        return null;
    }

    public static bool Has<T>(this IReadOnlyList<Attribute> attributes) where T : Attribute => attributes.First<T>() is not null;
}
