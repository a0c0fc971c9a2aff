using System.Collections.Immutable;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Hug.Binding;

namespace Hug.Introspection;

/// <summary>Method → <see cref="EndpointDescriptor"/>: the only place that reflects over a user's method.</summary>
internal static class EndpointIntrospector
{
    public static EndpointDescriptor Describe(MethodInfo method, object? target, Func<JsonSerializerOptions> json) =>
        Describe(MethodFacts.Reflect(method), target, json);

    public static EndpointDescriptor Describe(MethodFacts method, object? target, Func<JsonSerializerOptions> json)
    {
        var displayName = method.DisplayName;
        if (method.IsGeneric)
            throw new HugConfigurationException($"{displayName}: a generic method cannot be exposed; expose a non-generic method that calls it.");
        if (!method.IsStatic && target is null && (method.DeclaringType!.IsAbstract || method.DeclaringType.IsInterface))
            throw new HugConfigurationException($"{displayName}: an instance method of an abstract type cannot be created per call; make it static or the type concrete.");
        var docs = new EndpointDocs(method);
        var (resultType, returnKind) = Unwrap(method.ReturnType);
        var parameters = ImmutableArray.CreateBuilder<ParameterDescriptor>(method.Parameters.Length);
        foreach (var parameter in method.Parameters) parameters.Add(DescribeParameter(parameter, displayName, docs, json));
        for (var i = 1; i < parameters.Count; i++)
            for (var j = 0; j < i; j++)
                if (string.Equals(parameters[i].Name, parameters[j].Name, StringComparison.OrdinalIgnoreCase))
                    throw new HugConfigurationException($"{displayName}: parameters differ only in case ('{parameters[j].Name}'); names must differ for HTTP and the command line.");
        var transforms = ImmutableArray.CreateBuilder<EndpointTransform>();
        var requires = ImmutableArray.CreateBuilder<RequiresAttribute>();
        foreach (var attribute in method.Attributes)
        {
            if (attribute is TransformAttribute transform) transforms.Add(new EndpointTransform(CreateTransform(transform.Type, displayName), transform.Interfaces));
            if (attribute is RequiresAttribute required) requires.Add(required);
        }
        foreach (var attribute in method.TypeAttributes)
            if (attribute is RequiresAttribute required) requires.Add(required);
        return new EndpointDescriptor
        {
            Name = Naming.EndpointName(method.Name),
            DisplayName = displayName,
            Facts = method,
            Target = target,
            Docs = docs,
            Parameters = parameters.MoveToImmutable(),
            Transforms = transforms.ToImmutable(),
            SocketCall = method.Attributes.Has<SocketCallAttribute>(),
            Requires = requires.ToImmutable(),
            ResultType = resultType,
            ReturnKind = returnKind,
        };
    }

    private static ITransform CreateTransform(Type type, string method) =>
        typeof(ITransform).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null
            ? (ITransform)Activator.CreateInstance(type)!
            : throw new HugConfigurationException($"{method}: [Transform({type.Name})] needs a type implementing ITransform with a parameterless constructor.");

    public static string DisplayName(MethodInfo method) => MethodFacts.DisplayNameOf(method.DeclaringType, method.Name);

    private static ParameterDescriptor DescribeParameter(ParameterFacts parameter, string method, EndpointDocs docs, Func<JsonSerializerOptions> json)
    {
        var name = parameter.Name ?? throw new HugConfigurationException($"{method}: parameter {parameter.Position} has no name.");
        var type = parameter.Type;
        if (type.IsByRef || parameter.IsOut)
            throw new HugConfigurationException($"{method}: parameter '{name}' is ref/out/in; exposed methods take values.");
        var (context, directive) = DirectiveOf(parameter, method);
        var delimited = parameter.Attributes.First<DelimitedAttribute>();
        var converter = context == ContextValue.None && !parameter.FromServices
            ? ConverterFactory.TryCreate(type, delimited?.Separator, json)
            : null;
        if (delimited is not null && converter is not ICollectionConverter)
            throw new HugConfigurationException($"{method}: [Delimited] on parameter '{name}' needs a list or array of simple values.");
        var source = context != ContextValue.None ? ParameterSource.Context
            : parameter.FromServices ? ParameterSource.Service
            : converter is null ? ParameterSource.Unresolved
            : converter.IsScalar ? ParameterSource.Value : ParameterSource.Json;
        var validators = ImmutableArray.CreateBuilder<ValidationAttribute>();
        foreach (var attribute in parameter.Attributes)
            if (attribute is ValidationAttribute validator) validators.Add(validator);
        return new ParameterDescriptor
        {
            Name = name,
            Type = type,
            Position = parameter.Position,
            HasDefault = parameter.HasDefault,
            DefaultValue = parameter.HasDefault ? DefaultOf(parameter) : null,
            IsRequired = !parameter.HasDefault && !IsNullable(parameter),
            Docs = docs,
            Source = source,
            Context = context,
            DirectiveName = directive,
            Converter = converter,
            Validators = validators.ToImmutable(),
        };
    }

    private static (ContextValue, string?) DirectiveOf(ParameterFacts parameter, string method)
    {
        var attributes = parameter.Attributes;
        if (attributes.Count > 0)
        {
            if (attributes.First<DirectiveAttribute>() is { } custom) return (ContextValue.Custom, custom.Name);
            if (attributes.Has<UserAttribute>()) return (ContextValue.AuthenticatedUser, null);
            if (attributes.Has<ApiVersionAttribute>())
                return parameter.Type == typeof(int?) ? (ContextValue.ApiVersion, null)
                    : throw new HugConfigurationException($"{method}: [ApiVersion] parameter '{parameter.Name}' must be an int?.");
            if (attributes.Has<DocumentationAttribute>())
                return parameter.Type == typeof(System.Text.Json.Nodes.JsonObject) ? (ContextValue.Documentation, null)
                    : throw new HugConfigurationException($"{method}: [Documentation] parameter '{parameter.Name}' must be a JsonObject.");
        }
        var type = parameter.Type;
        if (type == typeof(HugTimer)) return (ContextValue.Timer, null);
        if (type == typeof(CurrentApi)) return (ContextValue.CurrentApi, null);
        if (type == typeof(HugInterfaces)) return (ContextValue.Interface, null);
        if (type == typeof(CallContext)) return (ContextValue.Call, null);
        if (type == typeof(HugApi)) return (ContextValue.Api, null);
        return (ContextOf(type), null);
    }

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

    private static bool IsNullable(ParameterFacts parameter) =>
        Nullable.GetUnderlyingType(parameter.Type) is not null || (!parameter.Type.IsValueType && parameter.IsNullableAnnotated);

    private static object? DefaultOf(ParameterFacts parameter)
    {
        var value = parameter.DefaultValue;
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        if (value is null || value is DBNull || value == Missing.Value)
            return parameter.Type.IsValueType && Nullable.GetUnderlyingType(parameter.Type) is null
                ? Activator.CreateInstance(parameter.Type)
                : null;
        return type.IsEnum && value.GetType() != type ? Enum.ToObject(type, value) : value;
    }

    private static (Type Result, ReturnKind Kind) Unwrap(Type returnType)
    {
        if (returnType == typeof(void)) return (typeof(void), ReturnKind.Void);
        if (returnType == typeof(Task)) return (typeof(void), ReturnKind.Task);
        if (returnType == typeof(ValueTask)) return (typeof(void), ReturnKind.ValueTask);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
            return (returnType.GetGenericArguments()[0], ReturnKind.TaskOfT);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            return (returnType.GetGenericArguments()[0], ReturnKind.ValueTaskOfT);
        return (returnType, ReturnKind.Value);
    }
}
