using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Hug.Binding;
using Hug.Generation;

namespace Hug.Introspection;

/// <summary>Method → <see cref="EndpointDescriptor"/>: the only place that reflects over a user's method.</summary>
internal static class EndpointIntrospector
{
    public static EndpointDescriptor Describe(MethodInfo method, object? target, HugOptions options) =>
        Describe(MethodFacts.Reflect(method), target, options);

    public static EndpointDescriptor Describe(MethodFacts method, object? target, HugOptions options)
    {
        var displayName = method.DisplayName;
        if (method.IsGeneric)
            throw new HugConfigurationException($"{displayName}: a generic method cannot be exposed; expose a non-generic method that calls it.");
        if (!method.IsStatic && target is null && (method.DeclaringType!.IsAbstract || method.DeclaringType.IsInterface))
            throw new HugConfigurationException($"{displayName}: an instance method of an abstract type cannot be created per call; make it static or the type concrete.");
        var docs = new EndpointDocs(method);
        var resultType = Unwrap(method.ReturnType, out var returnKind);
        var parameters = new ParameterDescriptor[method.Parameters.Length];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = DescribeParameter(method.Parameters[i], i, displayName, docs, options);
        for (var i = 1; i < parameters.Length; i++)
            for (var j = 0; j < i; j++)
                if (Naming.SameIgnoringCase(parameters[i].Name, parameters[j].Name))
                    throw new HugConfigurationException($"{displayName}: parameters differ only in case ('{parameters[j].Name}'); names must differ for HTTP and the command line.");
        EndpointTransform[] transforms = [];
        RequiresAttribute[] requires = [];
        if (DeclaresTransformsOrRequirements(method)) Declared(method, displayName, out transforms, out requires);
        return new EndpointDescriptor
        {
            Name = Naming.EndpointName(method.Name),
            DisplayName = displayName,
            Facts = method,
            Target = target,
            Docs = docs,
            Parameters = parameters,
            Transforms = transforms,
            SocketCall = method.Attributes.Has<SocketCallAttribute>(),
            Requires = requires,
            ResultType = resultType,
            ReturnKind = returnKind,
        };
    }

    private static bool DeclaresTransformsOrRequirements(MethodFacts method)
    {
        for (var i = 0; i < method.Attributes.Count; i++)
            if (method.Attributes[i] is TransformAttribute or RequiresAttribute) return true;
        for (var i = 0; i < method.TypeAttributes.Count; i++)
            if (method.TypeAttributes[i] is RequiresAttribute) return true;
        return false;
    }

    /// <summary>The method's <c>[Transform]</c>s and its and its class's <c>[Requires]</c>, in order (rare: a method of its own).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Declared(MethodFacts method, string displayName, out EndpointTransform[] transforms, out RequiresAttribute[] requires)
    {
        var declaredTransforms = new List<EndpointTransform>();
        var declaredRequires = new List<RequiresAttribute>();
        foreach (var attribute in method.Attributes)
        {
            if (attribute is TransformAttribute transform) declaredTransforms.Add(new EndpointTransform(CreateTransform(transform.Type, displayName), transform.Interfaces));
            if (attribute is RequiresAttribute required) declaredRequires.Add(required);
        }
        foreach (var attribute in method.TypeAttributes)
            if (attribute is RequiresAttribute required) declaredRequires.Add(required);
        transforms = [.. declaredTransforms];
        requires = [.. declaredRequires];
    }

    private static ITransform CreateTransform([System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type type, string method) =>
        typeof(ITransform).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null
            ? (ITransform)Activator.CreateInstance(type)!
            : throw new HugConfigurationException($"{method}: [Transform({type.Name})] needs a type implementing ITransform with a parameterless constructor.");

    private static ParameterDescriptor DescribeParameter(GeneratedParameter parameter, int position, string method, EndpointDocs docs, HugOptions options)
    {
        var name = parameter.Name is { Length: > 0 } named ? named : throw new HugConfigurationException($"{method}: parameter {position} has no name.");
        var type = parameter.Type;
        if (type.IsByRef)
            throw new HugConfigurationException($"{method}: parameter '{name}' is ref/out/in; exposed methods take values.");
        var context = DirectiveOf(parameter, method, out var directive);
        var delimited = parameter.Attributes.Length > 0 ? Delimited(parameter) : null;
        if (parameter.Attributes.Length > 0) CheckTimerPrecision(parameter, context, method);
        // Only text-shaped converters now: a JSON-shaped one reads the API's JSON settings, which set-up may still change
        // (its JsonSerializerContext), so it is made when the API is first used (ResolveJson, from HugApi's freeze).
        var converter = context == ContextValue.None && !parameter.FromServices
            ? ConverterFactory.TryCreateText(type, delimited?.Separator, parameter.Shape)
            : null;
        if (delimited is not null && converter is not ICollectionConverter)
            throw new HugConfigurationException($"{method}: [Delimited] on parameter '{name}' needs a list or array of simple values.");
        var source = context != ContextValue.None ? ParameterSource.Context
            : parameter.FromServices ? ParameterSource.Service
            : converter is null ? ParameterSource.PendingJson
            : converter.IsScalar ? ParameterSource.Value : ParameterSource.Json;
        return new ParameterDescriptor
        {
            Name = name,
            Type = type,
            Position = position,
            GeneratedShape = parameter.Shape,
            HasDefault = parameter.HasDefault,
            DefaultValue = parameter.HasDefault ? DefaultOf(parameter) : null,
            IsRequired = !parameter.HasDefault && !IsNullable(parameter),
            Docs = docs,
            Source = source,
            Context = context,
            DirectiveName = directive,
            Converter = converter,
            Validators = parameter.Attributes.Length > 0 ? ValidatorsOf(parameter) : null,
            Attributes = parameter.Attributes,
        };
    }

    /// <summary>
    /// The endpoint with its JSON-shaped parameters' converters made under the API's final JSON settings (the same
    /// descriptor when it has none): <see cref="ParameterSource.Json"/>, or <see cref="ParameterSource.Unresolved"/>
    /// for a type those settings cannot read (a service, or a start-up error).
    /// </summary>
    public static EndpointDescriptor ResolveJson(EndpointDescriptor endpoint, HugOptions options)
    {
        ParameterDescriptor[]? resolved = null;
        for (var i = 0; i < endpoint.Parameters.Length; i++)
        {
            var parameter = endpoint.Parameters[i];
            if (parameter.Source != ParameterSource.PendingJson) continue;
            var converter = ConverterFactory.TryCreateJson(parameter.Type, options, parameter.GeneratedShape);
            resolved ??= [.. endpoint.Parameters];
            resolved[i] = parameter with
            {
                Converter = converter,
                Source = converter is null ? ParameterSource.Unresolved : converter.IsScalar ? ParameterSource.Value : ParameterSource.Json,
            };
        }
        return resolved is null ? endpoint : endpoint with { Parameters = resolved };
    }

    /// <summary>The framework value a parameter takes, if any; <paramref name="name"/> is a custom directive's name.</summary>
    private static ContextValue DirectiveOf(GeneratedParameter parameter, string method, out string? name)
    {
        name = null;
        if (parameter.Attributes.Length > 0 && DeclaredDirective(parameter, method, out name) is var declared and not ContextValue.None) return declared;
        var type = parameter.Type;
        // Measured both ways: with ReadyToRun, naming Hug's types loads them, so only a Hug type is compared with them;
        // under Native AOT naming them is free, while the first Assembly object starts the runtime's binder (0.4 M).
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            return HugValue(type) is var value and not ContextValue.None ? value : ContextOf(type);
        return type.Assembly == typeof(HugApi).Assembly ? HugValue(type) : ContextOf(type);
    }

    /// <summary>Refuses a <c>[TimerPrecision]</c> that is not on a timer or keeps digits <see cref="Math.Round(double, int)"/> cannot.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckTimerPrecision(GeneratedParameter parameter, ContextValue context, string method)
    {
        if (parameter.Attributes.First<TimerPrecisionAttribute>() is not { } precision) return;
        if (context != ContextValue.Timer)
            throw new HugConfigurationException($"{method}: [TimerPrecision] on parameter '{parameter.Name}' needs a HugTimer parameter.");
        if (precision.Digits is < 0 or > 15)
            throw new HugConfigurationException($"{method}: [TimerPrecision({precision.Digits})] on parameter '{parameter.Name}': digits must be 0 to 15.");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static DelimitedAttribute? Delimited(GeneratedParameter parameter) => parameter.Attributes.First<DelimitedAttribute>();

    /// <summary>The parameter's <c>[Range]</c>-style validators (a method of its own, so a parameter without attributes loads no DataAnnotations type).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ValidationAttribute[]? ValidatorsOf(GeneratedParameter parameter)
    {
        var validators = new List<ValidationAttribute>();
        foreach (var attribute in parameter.Attributes)
            if (attribute is ValidationAttribute validator) validators.Add(validator);
        return validators.Count > 0 ? [.. validators] : null;
    }

    /// <summary>A directive asked for by an attribute. Rare paths live in their own methods: a method's named types load when it is first called.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ContextValue DeclaredDirective(GeneratedParameter parameter, string method, out string? name)
    {
        var attributes = parameter.Attributes;
        name = null;
        if (attributes.First<DirectiveAttribute>() is { } custom)
        {
            name = custom.Name;
            return ContextValue.Custom;
        }
        if (attributes.Has<UserAttribute>()) return ContextValue.AuthenticatedUser;
        if (attributes.Has<ApiVersionAttribute>())
            return parameter.Type == typeof(int?) ? ContextValue.ApiVersion
                : throw new HugConfigurationException($"{method}: [ApiVersion] parameter '{parameter.Name}' must be an int?.");
        if (attributes.Has<DocumentationAttribute>())
            return parameter.Type == typeof(System.Text.Json.Nodes.JsonObject) ? ContextValue.Documentation
                : throw new HugConfigurationException($"{method}: [Documentation] parameter '{parameter.Name}' must be a JsonObject.");
        return ContextValue.None;
    }

    /// <summary>The value of a parameter whose type is one of Hug's own (the timer, the call, the API).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ContextValue HugValue(Type type) =>
        type == typeof(HugTimer) ? ContextValue.Timer
        : type == typeof(CurrentApi) ? ContextValue.CurrentApi
        : type == typeof(HugInterfaces) ? ContextValue.Interface
        : type == typeof(CallContext) ? ContextValue.Call
        : type == typeof(HugApi) ? ContextValue.Api
        : type == typeof(IWebSocketHub) ? ContextValue.Hub
        : type == typeof(HugSession) ? ContextValue.Session
        : ContextValue.None;

    /// <summary>
    /// The context value a parameter type asks for. Compared by name so that a command-line call
    /// does not load ASP.NET Core's assemblies just to learn it needs none of them.
    /// </summary>
    private static ContextValue ContextOf(Type type) => type.FullName switch
    {
        "Microsoft.AspNetCore.Http.HttpContext" => ContextValue.HttpContext,
        "Microsoft.AspNetCore.Http.HttpRequest" => ContextValue.HttpRequest,
        "Microsoft.AspNetCore.Http.IFormFile" => ContextValue.FormFile,
        "Microsoft.AspNetCore.Http.IFormFileCollection" => ContextValue.FormFiles,
        "System.IO.Stream" => ContextValue.Body,
        "Microsoft.AspNetCore.Http.HttpResponse" => ContextValue.HttpResponse,
        "System.Threading.CancellationToken" => ContextValue.CancellationToken,
        "System.Security.Claims.ClaimsPrincipal" => ContextValue.User,
        "Microsoft.Extensions.Logging.ILogger" => ContextValue.Logger,
        _ when type.IsGenericType && type.GetGenericTypeDefinition().FullName == "Microsoft.Extensions.Logging.ILogger`1" => ContextValue.Logger,
        _ => ContextValue.None,
    };

    private static bool IsNullable(GeneratedParameter parameter) =>
        Nullable.GetUnderlyingType(parameter.Type) is not null || (!parameter.Type.IsValueType && parameter.IsNullable);

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2072", Justification = Invocation.ReflectionMode.Justification)]
    private static object? DefaultOf(GeneratedParameter parameter)
    {
        var value = parameter.DefaultValue;
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        if (value is null || value is DBNull || value == Missing.Value)
            return parameter.Type.IsValueType && Nullable.GetUnderlyingType(parameter.Type) is null
                ? Activator.CreateInstance(parameter.Type)
                : null;
        return type.IsEnum && value.GetType() != type ? Enum.ToObject(type, value) : value;
    }

    /// <summary>The result type of a method returning <paramref name="returnType"/>, and how it returns it (an out value, not a tuple: a tuple over an enum is generic code ReadyToRun leaves to the JIT).</summary>
    private static Type Unwrap(Type returnType, out ReturnKind kind)
    {
        kind = ReturnKind.Value;
        if (returnType == typeof(void)) kind = ReturnKind.Void;
        else if (returnType == typeof(Task)) kind = ReturnKind.Task;
        else if (returnType == typeof(ValueTask)) kind = ReturnKind.ValueTask;
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)) kind = ReturnKind.TaskOfT;
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)) kind = ReturnKind.ValueTaskOfT;
        return kind switch
        {
            ReturnKind.Void or ReturnKind.Task or ReturnKind.ValueTask => typeof(void),
            ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT => returnType.GetGenericArguments()[0],
            _ => returnType,
        };
    }
}
