using Microsoft.Extensions.DependencyInjection;
using Hug.Pipeline;
using Hug.Introspection;

namespace Hug;

/// <summary>
/// What an API adds to its endpoints beyond declaring them: mounted APIs, requirements, directives,
/// formats, transforms and hooks (start-up, not found, exceptions).
/// </summary>
public sealed partial class HugApi
{
    /// <summary>
    /// Mounts another API's endpoints (hug's <c>extend_api</c>): its HTTP routes under
    /// <paramref name="prefix"/> (<c>/billing</c> + <c>/invoices</c>), its commands in the command
    /// group <paramref name="cliGroup"/> (none: at the top level), its WebSocket endpoints under the
    /// prefix. Its requirements, directives, formats and exception handlers come along, unless this
    /// API already has one of the same name (or exception type); its start-up handlers run with this
    /// API's; its not-found handlers answer unknown URLs under the prefix. The mount is a reference:
    /// the other API is read when this one starts serving, so it may still be added to until then.
    /// </summary>
    public HugApi Mount(string prefix, HugApi other, string? cliGroup = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (prefix.Length > 0 && (prefix[0] != '/' || prefix.EndsWith('/')))
            throw new HugConfigurationException($"Mount prefix '{prefix}' must start with '/' and not end with one (or be empty).");
        if (ReferenceEquals(other, this)) throw new HugConfigurationException("An API cannot mount itself.");
        if (frozen is not null) throw new InvalidOperationException($"Mount '{prefix}': the API is already serving; mount before mapping or running it.");
        (mounts ??= []).Add(new Mounted(prefix, other, cliGroup));
        return this;
    }

    private List<Mounted>? mounts;

    private sealed record Mounted(string Prefix, HugApi Api, string? CliGroup);

    /// <summary>Brings every mounted API in, once, as this API freezes (see <see cref="Mount"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ComposeMounts(List<Mounted> mounts)
    {
        foreach (var (prefix, other, cliGroup) in mounts)
        {
            var endpoints = other.Endpoints; // first: it composes the other API's own mounts
            foreach (var (name, requirement) in other.Requirements) Requirements.TryAdd(name, requirement);
            foreach (var (name, directive) in other.Directives) Directives.TryAdd(name, directive);
            foreach (var (name, format) in other.OutputFormats) OutputFormats.TryAdd(name, format);
            Exceptions.AddMissing(other.Exceptions);
            Startup.AddAll(other.Startup);
            foreach (var state in other.adapterStates ?? []) AdapterState(state).Mount(prefix, state);
            if (other.webSocketEndpoints is not null) MountWebSockets(prefix, other);
            foreach (var endpoint in endpoints)
            {
                foreach (var route in endpoint.Http)
                {
                    var urls = route.UrlsFor(endpoint.Name);
                    Register(endpoint.Facts, endpoint.Target, route with { Urls = [.. urls.Select(url => url == "/" ? (prefix.Length == 0 ? "/" : prefix) : prefix + url)] });
                }
                foreach (var command in endpoint.Cli)
                    Register(endpoint.Facts, endpoint.Target, cliGroup is null ? command : command with { Groups = [cliGroup, .. command.Groups] });
            }
        }
    }

    // The tables below are created on first use: each generic collection costs a command's start-up
    // its type loads (the instantiation and its interfaces), and most APIs never fill most of them.

    internal WebSockets.WebSocketHub Hub => LazyInitializer.EnsureInitialized(ref hub);

    private WebSockets.WebSocketHub? hub;

    internal WebSocketRegistration[] WebSocketEndpoints => webSocketEndpoints ?? [];

    /// <summary>Null until one is added; an array grown by one (a <c>List</c> of a Hug type cost every command 0.17 M instructions: its type loads with the method that names it).</summary>
    private WebSocketRegistration[]? webSocketEndpoints;

    /// <summary>The mounted API's WebSocket endpoints under <paramref name="prefix"/> (a method of its own: see <see cref="webSocketEndpoints"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void MountWebSockets(string prefix, HugApi other)
    {
        foreach (var (type, route, factory) in other.WebSocketEndpoints)
            AddWebSocket(type, new WebSocketAttribute(prefix + route.Path) { AllowedOrigins = route.AllowedOrigins }, factory);
    }

    /// <summary>Whether any method is callable at <see cref="HugOptions.WebSocketCallPath"/>.</summary>
    internal bool ServesSocketCalls => Options.AllMethodsOverWebSocket || Endpoints.Any(e => e.SocketCall);

    /// <summary>Whether the API has any WebSocket endpoint (the WebSockets middleware is added only then).</summary>
    internal bool ServesWebSockets
    {
        get
        {
            _ = Endpoints; // freezes the API, which brings in the WebSocket endpoints of mounted APIs
            return webSocketEndpoints is { Length: > 0 } || ServesSocketCalls;
        }
    }

    /// <summary>Serves the WebSocket endpoint <typeparamref name="TEndpoint"/> at <paramref name="path"/>.</summary>
    public HugApi WebSocket<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TEndpoint>(
        string path, params string[] allowedOrigins) where TEndpoint : WebSocketEndpoint =>
        AddWebSocket(typeof(TEndpoint), new WebSocketAttribute(path) { AllowedOrigins = allowedOrigins }, Generation.GeneratedCalls.Factory<TEndpoint>);

    private HugApi AddWebSocket(Type endpoint, WebSocketAttribute route, Func<ObjectFactory> factory)
    {
        if (endpoint.IsAbstract || !typeof(WebSocketEndpoint).IsAssignableFrom(endpoint))
            throw new HugConfigurationException($"{endpoint.Name}: [WebSocket] needs a concrete class deriving from WebSocketEndpoint.");
        if (route.Path.Length == 0 || route.Path[0] != '/')
            throw new HugConfigurationException($"{endpoint.Name}: WebSocket path '{route.Path}' must start with '/'.");
        if (WebSocketEndpoints.Any(w => string.Equals(w.Route.Path, route.Path, StringComparison.OrdinalIgnoreCase)))
            throw new HugConfigurationException($"{endpoint.Name}: WebSocket path '{route.Path}' is already taken.");
        webSocketEndpoints = ReadOnly.Append(WebSocketEndpoints, new WebSocketRegistration(endpoint, route, factory));
        return this;
    }

    /// <summary>Registers a requirement that <c>[Requires(name)]</c> refers to.</summary>
    public HugApi AddRequirement(string name, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        if (!Requirements.TryAdd(name, requirement))
            throw new HugConfigurationException($"A requirement named '{name}' is already registered.");
        return this;
    }

    /// <summary>
    /// Carries this API's WebSocket broadcasts to its other instances through <paramref name="backplane"/> (Hug.Redis:
    /// <c>api.UseRedis("localhost:6379")</c>); it starts when the API is served.
    /// </summary>
    public HugApi UseWebSocketBackplane(IWebSocketBackplane backplane)
    {
        ArgumentNullException.ThrowIfNull(backplane);
        Hub.Use(backplane);
        return this;
    }

    /// <summary>Registers a custom directive: <c>[Directive(name)]</c> parameters receive <paramref name="value"/>(call context).</summary>
    public HugApi AddDirective(string name, Func<CallContext, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Directives.TryAdd(name, value))
            throw new HugConfigurationException($"A directive named '{name}' is already registered.");
        return this;
    }

    private Dictionary<string, Requirement> Requirements => requirements ??= new(StringComparer.Ordinal);

    private Dictionary<string, Requirement>? requirements;

    /// <summary>The output formats by name: the built-in ones, then those registered.</summary>
    private Dictionary<string, OutputFormat> OutputFormats => formats ??= new(StringComparer.OrdinalIgnoreCase)
    {
        [OutputFormat.Json.Name] = OutputFormat.Json,
        [OutputFormat.PrettyJson.Name] = OutputFormat.PrettyJson,
        [OutputFormat.Text.Name] = OutputFormat.Text,
        [OutputFormat.Html.Name] = OutputFormat.Html,
    };

    private Dictionary<string, OutputFormat>? formats;

    internal ExceptionHandlers Exceptions { get; } = new();

    internal StartupHandlers Startup { get; } = new();

    /// <summary>Runs <paramref name="handler"/> once before serving HTTP or running a command (e.g. to open a database).</summary>
    public HugApi OnStartup(Func<HugApi, CancellationToken, Task> handler)
    {
        Startup.Add(handler);
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> once before serving HTTP or running a command.</summary>
    public HugApi OnStartup(Action<HugApi> handler) => OnStartup((api, _) =>
    {
        handler(api);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Answers exceptions of type <typeparamref name="TException"/> (and its subclasses, unless a more
    /// specific handler is registered) with the status and body <paramref name="handler"/> returns;
    /// returning null lets the exception through (a 500).
    /// </summary>
    public HugApi OnException<TException>(Func<TException, CallContext, ErrorResponse?> handler) where TException : Exception
    {
        Exceptions.Add(handler);
        return this;
    }

    /// <summary>Registers an output format that endpoints offer by its <see cref="OutputFormat.Name"/>.</summary>
    public HugApi AddOutputFormat(OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!OutputFormats.TryAdd(format.Name, format))
            throw new HugConfigurationException($"An output format named '{format.Name}' is already registered.");
        return this;
    }

    internal OutputFormat? FindFormat(string name) => OutputFormats.GetValueOrDefault(name);

    internal IEnumerable<string> FormatNames => OutputFormats.Keys;

    /// <summary>The formats a route offers, default first: its <c>Formats</c> names, or JSON.</summary>
    internal IReadOnlyList<OutputFormat> FormatsFor(EndpointDescriptor endpoint, HttpRouteOptions route) =>
        route.Formats.Count == 0 ? [OutputFormat.Json]
        : [.. route.Formats.Select(name => OutputFormats.TryGetValue(name, out var format) ? format
            : throw new HugConfigurationException($"{endpoint.DisplayName}: output format '{name}' is not registered; use one of {string.Join(", ", FormatNames)} or call api.AddOutputFormat(...)."))];

    /// <summary>
    /// Where the hug-style documentation of the API comes from (the <c>[Documentation]</c> directive): set by
    /// the HTTP adapter when it maps the API and by <c>HugApi.Run</c>; the core has no documentation of its own yet.
    /// </summary>
    internal Func<int?, System.Text.Json.Nodes.JsonObject>? DocumentationSource { get; set; }

    /// <summary>The hug-style documentation of the API's HTTP endpoints for <paramref name="version"/> (latest when null).</summary>
    internal System.Text.Json.Nodes.JsonObject Documentation(int? version) =>
        DocumentationSource?.Invoke(version) ?? throw new HugConfigurationException("The API's documentation comes from its HTTP adapter: map it (MapHug) or run it (HugApi.Run) first.");

    private Dictionary<string, Func<CallContext, object?>> Directives => directives ??= new(StringComparer.Ordinal);

    private Dictionary<string, Func<CallContext, object?>>? directives;

    internal Func<CallContext, object?> Directive(EndpointDescriptor endpoint, string parameter, string name) =>
        Directives.TryGetValue(name, out var directive) ? directive
        : throw new HugConfigurationException($"{endpoint.DisplayName}: parameter '{parameter}' asks for directive '{name}', which is not registered; call api.AddDirective(\"{name}\", ...).");

    /// <summary>The transforms of an endpoint on one interface: its <c>[Transform]</c>s, then its router's.</summary>
    internal IReadOnlyList<ITransform> TransformsFor(EndpointDescriptor endpoint, HugInterfaces @interface, IReadOnlyList<ITransform> fromRouter) =>
        endpoint.Transforms.Length == 0 && fromRouter.Count == 0 ? [] : CollectTransforms(endpoint, @interface, fromRouter);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IReadOnlyList<ITransform> CollectTransforms(EndpointDescriptor endpoint, HugInterfaces @interface, IReadOnlyList<ITransform> fromRouter)
    {
        var found = new List<ITransform>();
        foreach (var declared in endpoint.Transforms)
            if ((declared.Interfaces & @interface) != 0) found.Add(declared.Transform);
        found.AddRange(fromRouter);
        return found;
    }

    /// <summary>The requirements of an endpoint on one interface: its <c>[Requires]</c> names and its router's, in order.</summary>
    internal IReadOnlyList<Requirement> RequirementsFor(EndpointDescriptor endpoint, HugInterfaces @interface, IEnumerable<Requirement> fromRouter) =>
        endpoint.Requires.Length == 0 && fromRouter is IReadOnlyCollection<Requirement> { Count: 0 } ? [] : RequirementsFor(endpoint.DisplayName, endpoint.Requires, @interface, fromRouter);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal IReadOnlyList<Requirement> RequirementsFor(string owner, IEnumerable<RequiresAttribute> declarations, HugInterfaces @interface, IEnumerable<Requirement> fromRouter)
    {
        var found = new List<Requirement>();
        foreach (var declared in declarations)
        {
            if (!Requirements.TryGetValue(declared.Name, out var requirement))
                throw new HugConfigurationException($"{owner}: [Requires(\"{declared.Name}\")] names no registered requirement; call api.AddRequirement(\"{declared.Name}\", ...).");
            if ((requirement.Interfaces & declared.Interfaces & @interface) != 0 && !found.Contains(requirement)) found.Add(requirement);
        }
        foreach (var requirement in fromRouter)
            if ((requirement.Interfaces & @interface) != 0 && !found.Contains(requirement)) found.Add(requirement);
        return found;
    }
}
