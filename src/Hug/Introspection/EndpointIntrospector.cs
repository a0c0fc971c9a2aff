using System.Collections.Immutable;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Hug.Binding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Hug.Introspection;

/// <summary>Method → <see cref="EndpointDescriptor"/>: the only place that reflects over a user's method.</summary>
internal static class EndpointIntrospector
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static EndpointDescriptor Describe(MethodInfo method, object? target, JsonSerializerOptions json)
    {
        var displayName = DisplayName(method);
        if (method.ContainsGenericParameters)
            throw new HugConfigurationException($"{displayName}: a generic method cannot be exposed; expose a non-generic method that calls it.");
        if (!method.IsStatic && target is null && (method.DeclaringType!.IsAbstract || method.DeclaringType.IsInterface))
            throw new HugConfigurationException($"{displayName}: an instance method of an abstract type cannot be created per call; make it static or the type concrete.");
        var docs = XmlDocumentation.For(method.Module.Assembly);
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
            Summary = docs.Summary(method) ?? method.GetCustomAttribute<DescriptionAttribute>()?.Description,
            ReturnsDoc = docs.Returns(method),
            TypeSummary = method.DeclaringType is { } type ? docs.Summary(type) ?? type.GetCustomAttribute<DescriptionAttribute>()?.Description : null,
            Parameters = parameters,
            ResultType = resultType,
            ReturnKind = returnKind,
        };
    }

    public static string DisplayName(MethodInfo method) =>
        method.DeclaringType is { } type && !type.Name.StartsWith('<') ? $"{type.Name}.{method.Name}" : method.Name;

    private static ParameterDescriptor DescribeParameter(ParameterInfo parameter, string method, XmlDocumentation docs, JsonSerializerOptions json)
    {
        var name = parameter.Name ?? throw new HugConfigurationException($"{method}: parameter {parameter.Position} has no name.");
        var type = parameter.ParameterType;
        if (type.IsByRef || parameter.IsOut)
            throw new HugConfigurationException($"{method}: parameter '{name}' is ref/out/in; exposed methods take values.");
        var context = ContextOf(type);
        var fromServices = parameter.GetCustomAttribute<FromServicesAttribute>() is not null;
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
            Doc = docs.Parameter((MethodInfo)parameter.Member, name) ?? parameter.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Source = source,
            Context = context,
            Converter = converter,
            Validators = [.. parameter.GetCustomAttributes<ValidationAttribute>(true)],
            Info = parameter,
        };
    }

    private static ContextValue ContextOf(Type type) =>
        type == typeof(HttpContext) ? ContextValue.HttpContext
        : type == typeof(HttpRequest) ? ContextValue.HttpRequest
        : type == typeof(HttpResponse) ? ContextValue.HttpResponse
        : type == typeof(CancellationToken) ? ContextValue.CancellationToken
        : type == typeof(ClaimsPrincipal) ? ContextValue.User
        : ContextValue.None;

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && Nullability.Create(parameter).WriteState == NullabilityState.Nullable);

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
