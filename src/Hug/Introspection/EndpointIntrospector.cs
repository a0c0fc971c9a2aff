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
    public static EndpointDescriptor Describe(MethodInfo method, object? target, Func<JsonSerializerOptions> json)
    {
        var displayName = DisplayName(method);
        if (method.ContainsGenericParameters)
            throw new HugConfigurationException($"{displayName}: a generic method cannot be exposed; expose a non-generic method that calls it.");
        if (!method.IsStatic && target is null && (method.DeclaringType!.IsAbstract || method.DeclaringType.IsInterface))
            throw new HugConfigurationException($"{displayName}: an instance method of an abstract type cannot be created per call; make it static or the type concrete.");
        var docs = new EndpointDocs(method);
        var (resultType, returnKind) = Unwrap(method.ReturnType);
        var parameters = method.GetParameters().Select(p => DescribeParameter(p, displayName, docs, json)).ToImmutableArray();
        var duplicate = parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new HugConfigurationException($"{displayName}: parameters differ only in case ('{duplicate.Key}'); names must differ for HTTP and the command line.");
        return new EndpointDescriptor
        {
            Name = Naming.EndpointName(method.Name),
            DisplayName = displayName,
            Method = method,
            Target = target,
            Docs = docs,
            Parameters = parameters,
            Transforms = [.. method.GetCustomAttributes<TransformAttribute>().Select(t => new EndpointTransform(CreateTransform(t.Type, displayName), t.Interfaces))],
            SocketCall = method.IsDefined(typeof(SocketCallAttribute)),
            Requires = [.. method.GetCustomAttributes<RequiresAttribute>(), .. method.DeclaringType?.GetCustomAttributes<RequiresAttribute>() ?? []],
            ResultType = resultType,
            ReturnKind = returnKind,
        };
    }

    private static ITransform CreateTransform(Type type, string method) =>
        typeof(ITransform).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null
            ? (ITransform)Activator.CreateInstance(type)!
            : throw new HugConfigurationException($"{method}: [Transform({type.Name})] needs a type implementing ITransform with a parameterless constructor.");

    public static string DisplayName(MethodInfo method) =>
        method.DeclaringType is { } type && !type.Name.StartsWith('<') ? $"{type.Name}.{method.Name}" : method.Name;

    private static ParameterDescriptor DescribeParameter(ParameterInfo parameter, string method, EndpointDocs docs, Func<JsonSerializerOptions> json)
    {
        var name = parameter.Name ?? throw new HugConfigurationException($"{method}: parameter {parameter.Position} has no name.");
        var type = parameter.ParameterType;
        if (type.IsByRef || parameter.IsOut)
            throw new HugConfigurationException($"{method}: parameter '{name}' is ref/out/in; exposed methods take values.");
        var (context, directive) = DirectiveOf(parameter);
        var fromServices = IsFromServices(parameter);
        var converter = context == ContextValue.None && !fromServices
            ? ConverterFactory.TryCreate(type, parameter.GetCustomAttribute<DelimitedAttribute>()?.Separator, json)
            : null;
        if (parameter.GetCustomAttribute<DelimitedAttribute>() is not null && converter is not ICollectionConverter)
            throw new HugConfigurationException($"{method}: [Delimited] on parameter '{name}' needs a list or array of simple values.");
        var source = context != ContextValue.None ? ParameterSource.Context
            : fromServices ? ParameterSource.Service
            : converter is null ? ParameterSource.Unresolved
            : converter.IsScalar ? ParameterSource.Value : ParameterSource.Json;
        var hasDefault = parameter.HasDefaultValue;
        return new ParameterDescriptor
        {
            Name = name,
            Type = type,
            Position = parameter.Position,
            HasDefault = hasDefault,
            DefaultValue = hasDefault ? DefaultOf(parameter) : null,
            IsRequired = !hasDefault && !IsNullable(parameter),
            Docs = docs,
            Source = source,
            Context = context,
            DirectiveName = directive,
            Converter = converter,
            Validators = [.. parameter.GetCustomAttributes<ValidationAttribute>(true)],
            Info = parameter,
        };
    }

    private static (ContextValue, string?) DirectiveOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<DirectiveAttribute>() is { } custom) return (ContextValue.Custom, custom.Name);
        if (parameter.IsDefined(typeof(UserAttribute))) return (ContextValue.AuthenticatedUser, null);
        if (parameter.IsDefined(typeof(ApiVersionAttribute)))
            return parameter.ParameterType == typeof(int?) ? (ContextValue.ApiVersion, null)
                : throw new HugConfigurationException($"{EndpointIntrospector.DisplayName((MethodInfo)parameter.Member)}: [ApiVersion] parameter '{parameter.Name}' must be an int?.");
        if (parameter.IsDefined(typeof(DocumentationAttribute)))
            return parameter.ParameterType == typeof(System.Text.Json.Nodes.JsonObject) ? (ContextValue.Documentation, null)
                : throw new HugConfigurationException($"{EndpointIntrospector.DisplayName((MethodInfo)parameter.Member)}: [Documentation] parameter '{parameter.Name}' must be a JsonObject.");
        var type = parameter.ParameterType;
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

    /// <summary><c>[FromServices]</c> (ASP.NET Core's or any attribute implementing <c>IFromServiceMetadata</c>), found without loading MVC.</summary>
    private static bool IsFromServices(ParameterInfo parameter) =>
        parameter.GetCustomAttributesData().Any(a => a.AttributeType.GetInterfaces().Any(i => i.FullName == "Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata"));

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && NullableAnnotation.IsNullable(parameter));

    private static object? DefaultOf(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (value is null || value is DBNull || value == Missing.Value)
            return parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null
                ? Activator.CreateInstance(parameter.ParameterType)
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
