using System.Reflection;

namespace Hug.Introspection;

/// <summary>
/// Everything the interfaces need to know about one exposed method, introspected once at start-up.
/// Every adapter (HTTP, CLI, …) consumes this; none reflects over the method again.
/// </summary>
internal sealed record EndpointDescriptor
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>What the method declares (from reflection or the source generator).</summary>
    public required MethodFacts Facts { get; init; }

    /// <summary>The method itself; on generated facts, found through reflection on first use (HTTP invokers, mounting).</summary>
    public MethodInfo Method => Facts.Method;
    public object? Target { get; init; }
    public required EndpointDocs Docs { get; init; }
    public string? Summary => Docs.Summary;
    public string? ReturnsDoc => Docs.Returns;
    public string? TypeSummary => Docs.TypeSummary;
    public required ParameterDescriptor[] Parameters { get; init; }
    public required Type ResultType { get; init; }
    public required ReturnKind ReturnKind { get; init; }
    /// <summary>The result type's shape (<see cref="Invocation.TypeShape.ResultType"/>): the generator's, else made on first use.</summary>
    public Invocation.TypeShape ResultShape => resultShape ??= Facts.ResultShape ?? Invocation.TypeShape.Of(Invocation.TypeShape.ResultType(this));

    private Invocation.TypeShape? resultShape;

    public HttpRouteOptions[] Http { get; init; } = [];
    public CliCommandOptions[] Cli { get; init; } = [];

    /// <summary><c>[Requires]</c> on the method and its class: registered names, each narrowed to some interfaces.</summary>
    public RequiresAttribute[] Requires { get; init; } = [];

    /// <summary>Whether <c>[SocketCall]</c> makes it callable over the WebSocket call endpoint.</summary>
    public bool SocketCall { get; init; }

    /// <summary><c>[Transform]</c> on the method, instances created once, with the interfaces each applies on.</summary>
    public EndpointTransform[] Transforms { get; init; } = [];

    /// <summary>Whether a parameter takes the raw request body (a <c>Stream</c>), so the body is not parsed.</summary>
    public bool TakesBodyStream => Takes(ContextValue.Body);

    /// <summary>Whether any parameter is a directive that reads the call context.</summary>
    public bool UsesCallContext
    {
        get
        {
            foreach (var parameter in Parameters)
                if (parameter.Context >= ContextValue.Timer) return true;
            return false;
        }
    }

    /// <summary>Whether a parameter takes <paramref name="value"/> (loops, not LINQ: this runs on a command's start-up path).</summary>
    public bool Takes(ContextValue value)
    {
        foreach (var parameter in Parameters)
            if (parameter.Context == value) return true;
        return false;
    }

    /// <summary>An instance method whose object is created through DI for each call.</summary>
    public bool NeedsInstance => !Facts.IsStatic && Target is null;

    public bool HasResult => ReturnKind is not (ReturnKind.Void or ReturnKind.Task or ReturnKind.ValueTask);
}

/// <summary>A <c>[Transform]</c> of a method: its instance and the interfaces it applies on (a class, so no generic code over a struct is compiled at start-up).</summary>
internal sealed record EndpointTransform(ITransform Transform, HugInterfaces Interfaces);

internal enum ReturnKind { Value, Void, Task, TaskOfT, ValueTask, ValueTaskOfT }

/// <summary>One parameter: name, type, default, documentation and where its value comes from.</summary>
internal sealed record ParameterDescriptor
{
    public required string Name { get; init; }
    public required Type Type { get; init; }
    public required int Position { get; init; }
    public required bool HasDefault { get; init; }
    public object? DefaultValue { get; init; }
    public required bool IsRequired { get; init; }
    public required EndpointDocs Docs { get; init; }
    public string? Doc => Docs.Parameter(Name);
    public required ParameterSource Source { get; init; }
    public ContextValue Context { get; init; }
    public string? DirectiveName { get; init; }
    public Binding.ValueConverter? Converter { get; init; }

    /// <summary>The type's shape as the generator wrote it; null for the common scalars and for methods it did not describe.</summary>
    public Invocation.TypeShape? GeneratedShape { get; init; }

    /// <summary>The type's shape: the generator's, else the core's (made by reflection for uncommon types).</summary>
    public Invocation.TypeShape Shape => GeneratedShape ?? Invocation.TypeShape.Of(Type);
    public System.ComponentModel.DataAnnotations.ValidationAttribute[]? Validators { get; init; }

    /// <summary>The parameter's attributes Hug reads (for settings an adapter or a directive looks up: <c>[ShortOption]</c>, <c>[TimerPrecision]</c>).</summary>
    public Attribute[] Attributes { get; init; } = [];

    /// <summary>Whether the caller supplies this parameter (it shows in docs and help).</summary>
    public bool IsInput => Source is ParameterSource.Value or ParameterSource.Json;

    /// <summary>An HTTP-only input: an uploaded file, the files, or the raw body.</summary>
    public bool IsHttpUpload => Context is ContextValue.FormFile or ContextValue.FormFiles or ContextValue.Body;

    /// <summary>Only HTTP can fill it (request, response, uploads).</summary>
    public bool IsHttpOnly => Context is ContextValue.HttpContext or ContextValue.HttpRequest or ContextValue.HttpResponse || IsHttpUpload;
}

internal enum ParameterSource
{
    /// <summary>A text-shaped value: route, query, form, JSON property, command-line argument.</summary>
    Value,
    /// <summary>A JSON-shaped value (record, class, collection of objects, <c>JsonElement</c>).</summary>
    Json,
    /// <summary>Filled by the framework from the call itself (<c>HttpContext</c>, <c>CancellationToken</c>, …).</summary>
    Context,
    /// <summary>A DI service, by <c>[FromServices]</c> or because the container knows the type.</summary>
    Service,
    /// <summary>No converter; a start-up error unless the container provides it.</summary>
    Unresolved,
    /// <summary>Not text-shaped: JSON-shaped or unresolved, decided when the API is first used (after its set-up).</summary>
    PendingJson,
}

/// <summary>Values the framework fills (directives). Those from <see cref="Timer"/> on read the <see cref="CallContext"/>.</summary>
internal enum ContextValue
{
    None, HttpContext, HttpRequest, HttpResponse, FormFile, FormFiles, Body, CancellationToken, User, Logger, Hub, Session,
    Timer, Interface, Call, ApiVersion, AuthenticatedUser, Api, Custom, Documentation, CurrentApi,
    /// <summary>Not parameter kinds: what requirements ask the adapter for (<see cref="CallContext.RequestHeader"/>).</summary>
    RequestHeader, QueryValue, RequestPath,
}
