using System.Reflection;
using Hug.Introspection;
using Microsoft.Extensions.DependencyInjection;

namespace Hug;

/// <summary>
/// The registry of one application: its exposed methods and the interfaces they are exposed on.
/// Fill it from attributes (<see cref="AddAssembly"/>, <see cref="AddType"/>) or fluently
/// (<c>api.Http.Get("/add", Addition.Add)</c>), then run it (<c>HugApi.Run(args)</c>: commands and <c>serve</c>)
/// or map it into an ASP.NET Core app (<c>app.MapHug()</c>). The running and mapping members are the adapters'
/// (extension members in Hug and Hug.Http); this class, in Hug.Core, is the registry they share.
/// </summary>
public sealed partial class HugApi
{
    // The registered endpoints, each with its routes and commands so far: arrays grown by one (ReadOnly.Append says why).
    private EndpointDescriptor[] registered = [];
    private EndpointDescriptor[]? frozen;

    /// <summary>An empty API; add endpoints with <see cref="Http"/>, <see cref="AddType"/> or <see cref="AddAssembly"/>.</summary>
    public HugApi(HugOptions? options = null)
    {
        Options = options ?? new HugOptions();
    }

    /// <summary>The API's settings.</summary>
    public HugOptions Options { get; }

    /// <summary>
    /// Services the API's methods take as parameters (or their classes take in constructors);
    /// copied into the host's container by <c>serve</c>. With <c>AddHug</c>, register on the app's own services instead.
    /// </summary>
    public IServiceCollection Services => services ??= new ServiceCollection();

    private ServiceCollection? services;

    /// <summary>The services registered on <see cref="Services"/>, if any (reading it does not create the collection).</summary>
    internal IServiceCollection? Registrations => services is { Count: > 0 } ? services : null;

    /// <summary>The root HTTP router: <c>api.Http.Get("/path", Method)</c>, or chain options first.</summary>
    public HttpRouter Http => new(this, new HttpRouteOptions());

    /// <summary>The root command-line router: <c>api.Cli.Command(Method)</c>, or <c>api.Cli.Group("users")</c> first.</summary>
    public CliRouter Cli => new(this, new CliCommandOptions());

    /// <summary>
    /// The Local interface: calls the API's endpoints in process through the same pipeline as every
    /// other interface (<c>await api.Local.CallAsync&lt;int&gt;("add", new { number_1 = 1, number_2 = 2 })</c>).
    /// </summary>
    public LocalInterface Local => new(this);

    /// <summary>The endpoints as calls by name, with their WebSocket and Local pipelines.</summary>
    internal Pipeline.CallTable Calls => calls ??= new(this);

    private Pipeline.CallTable? calls;

    /// <summary>
    /// Whether parameters of <paramref name="type"/> are services: asked once of the container the API is
    /// served from (<c>MapHug</c> sets it), else of the API's own <see cref="Services"/>. Binders, command-line
    /// arguments and the documentation all ask here, so a registered class is a service everywhere and an input nowhere.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // inlined, its DI types load at every command's start-up (0.2 M instructions)
    internal bool IsService(Type type) => container is not null ? container.IsService(type) : LocalServices.IsService(type);

    /// <summary>Whether the caller supplies <paramref name="parameter"/> (an argument, a documented input): input-shaped and not a service.</summary>
    internal bool TakesAsInput(ParameterDescriptor parameter) =>
        parameter.Source == ParameterSource.Value || (parameter.Source == ParameterSource.Json && !IsService(parameter.Type));

    internal void UseContainer(Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? services) => container = services;

    private Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? container;

    /// <summary>The container of Local calls made outside any host (the API's own <see cref="Services"/>).</summary>
    internal Pipeline.ApiServices LocalServices => localServices ??= new(Registrations, CallContainer);

    /// <summary>
    /// How the container of calls outside a web host is built from <see cref="Services"/>: set by the program's command line
    /// (Hug's <c>HugApi.Run</c>), so commands get configuration, logging and options as <c>serve</c> does; null, the
    /// registrations alone.
    /// </summary>
    internal Func<IServiceCollection, IServiceProvider>? CallContainer
    {
        get => callContainer;
        set
        {
            callContainer = value;
            // A container built before (a Local call made ahead of the command line) is built again the new way.
            localServices?.Dispose();
            localServices = null;
        }
    }

    private Func<IServiceCollection, IServiceProvider>? callContainer;

    private Pipeline.ApiServices? localServices;

    /// <summary>
    /// The services of calls made outside any host (the command line, Local calls): the API's own container,
    /// built on first use, or an empty provider when it registered none (a plain command pays nothing for DI).
    /// </summary>
    internal IServiceProvider CallServices => Registrations is null ? Pipeline.ApiServices.None : LocalServices.Provider;

    /// <summary>Disposes the API's own container (its singletons) when a run is over; a later call builds it again.</summary>
    internal void ReleaseCallServices() => localServices?.Dispose();

    /// <summary>
    /// An API holding the program's own attributed methods (the entry assembly's): the generated registration of the
    /// executable when there is one, which asks no <c>Assembly</c> object (0.4 M instructions under Native AOT).
    /// </summary>
    internal static HugApi FromProgram() =>
        FromProgramRegistration() ?? FromAssembly(Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly; use new HugApi().AddAssembly(...)."));

    /// <summary>The program's generated registration, when the program is the entry assembly; null otherwise.</summary>
    internal static HugApi? FromProgramRegistration()
    {
        if (Generation.GeneratedEndpoints.ProgramTypes is not { } types) return null;
        var api = new HugApi();
        foreach (var type in types) api.AddType(type);
        return api;
    }

    /// <summary>An API holding every attributed method of <paramref name="assembly"/>.</summary>
    public static HugApi FromAssembly(Assembly assembly, HugOptions? options = null) => new HugApi(options).AddAssembly(assembly);

    /// <summary>Discovers the attributed methods of every type in <paramref name="assembly"/>.</summary>
    public HugApi AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (Generation.GeneratedEndpoints.TypesOf(assembly) is { } generated)
        {
            foreach (var type in generated) AddType(type);
            return this;
        }
        return AddTypesByReflection(assembly);
    }

    /// <summary>Every type of an assembly the source generator did not describe, in declaration order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private HugApi AddTypesByReflection(Assembly assembly)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw Invocation.ReflectionMode.Refused($"Assembly {assembly.GetName().Name}");
        foreach (var type in TypesOf(assembly))
            if (!type.IsGenericTypeDefinition && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
                AddType(type);
        return this;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Invocation.ReflectionMode.Justification)]
    private static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = [.. exception.Types.OfType<Type>()];
        }
        return types.OrderBy(t => t.MetadataToken);
    }

    /// <summary>Registers the attributed methods (static or instance) of one type.</summary>
    public HugApi AddType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Generation.GeneratedEndpoints.Describe(type) is not { } generated)
        {
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw Invocation.ReflectionMode.Refused($"Type {type.Name}");
            return AddTypeByReflection(type);
        }
        if (generated.Attributes.Length > 0) AddWebSockets(type, generated.Attributes, generated.Factory);
        foreach (var method in generated.Methods) AddMethod(MethodFacts.Generate(type, generated, method));
        return this;
    }

    /// <summary>Registers a type's methods from its metadata (when the source generator did not describe it; tests compare both).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Invocation.ReflectionMode.Justification)]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Invocation.ReflectionMode.Justification)]
    internal HugApi AddTypeByReflection(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        AddWebSockets(type, Array.ConvertAll(type.GetCustomAttributes(true), a => (Attribute)a), null);
        foreach (var method in type.GetMethods(all).OrderBy(m => m.MetadataToken))
            if (method.IsDefined(typeof(HttpAttribute)) || method.IsDefined(typeof(CliAttribute)) || method.IsDefined(typeof(SocketCallAttribute)) || method.IsDefined(typeof(LocalAttribute)))
                AddMethod(MethodFacts.Reflect(method));
        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void AddWebSockets(Type type, Attribute[] attributes, Func<Microsoft.Extensions.DependencyInjection.ObjectFactory>? factory)
    {
        if (attributes.First<WebSocketAttribute>() is { } webSocket) AddWebSocket(type, webSocket, factory ?? WebSocketRegistration.Reflected(type));
    }

    /// <summary>Registers one attributed method: a route per HTTP attribute, a command for <c>[Cli]</c> (in its class's group).</summary>
    private void AddMethod(MethodFacts method)
    {
        var group = method.TypeAttributes.First<CliAttribute>() is { } groupAttribute ? groupAttribute.Name ?? Naming.Kebab(method.DeclaringType!.Name) : null;
        var entry = EntryFor(method, null);
        foreach (var attribute in method.Attributes)
        {
            if (attribute is HttpAttribute http) Add(entry, http.ToOptions(registered[entry].DisplayName));
            if (attribute is CliAttribute cli) Add(entry, new CliCommandOptions { Name = cli.Name, Groups = group is null ? [] : new[] { group } });
        }
    }

    /// <summary>The API's overview: <see cref="HugOptions.Overview"/>, else the summary of the class holding its endpoints.</summary>
    public string Overview
    {
        get
        {
            if (Options.Overview is { } overview) return overview;
            var summaries = Endpoints.Select(e => e.TypeSummary).Where(s => s is not null).Distinct().ToList();
            if (summaries.Count == 1) return summaries[0]!;
            var assembly = Endpoints.FirstOrDefault()?.Facts.DeclaringType?.Assembly ?? Assembly.GetEntryAssembly();
            return assembly?.GetCustomAttribute<AssemblyDescriptionAttribute>()?.Description
                ?? assembly?.GetName().Name ?? "Hug API";
        }
    }

    internal EndpointDescriptor[] Endpoints => frozen ??= Freeze();

    private EndpointDescriptor[] Freeze()
    {
        // JSON-shaped parameters get their converters now, under the JSON settings set-up left (its context included).
        for (var i = 0; i < registered.Length; i++) registered[i] = EndpointIntrospector.ResolveJson(registered[i], Options);
        if (mounts is not null) ComposeMounts(mounts); // tested here: entering ComposeMounts loads every type it names (HttpContext's assembly: 5.4 M instructions on a command)
        return registered;
    }

    /// <summary>Whether any endpoint is exposed over HTTP (the command line then has <c>serve</c>).</summary>
    internal bool HasHttpEndpoints
    {
        get
        {
            foreach (var endpoint in Endpoints)
                if (endpoint.Http.Length > 0) return true;
            return false;
        }
    }

    internal void Register(Delegate handler, HttpRouteOptions options) => Register(MethodFacts.Reflect(Method(handler)), handler.Target, options);

    internal void Register(Delegate handler, CliCommandOptions options) => Register(MethodFacts.Reflect(Method(handler)), handler.Target, options);

    private void Register(MethodFacts method, object? target, HttpRouteOptions options) => Add(EntryFor(method, target), options);

    private void Register(MethodFacts method, object? target, CliCommandOptions options) => Add(EntryFor(method, target), options);

    private void Add(int entry, HttpRouteOptions options)
    {
        var descriptor = registered[entry];
        registered[entry] = descriptor with { Http = ReadOnly.Append(descriptor.Http, options.Validate(descriptor.DisplayName)) };
    }

    private void Add(int entry, CliCommandOptions options)
    {
        var descriptor = registered[entry];
        registered[entry] = descriptor with { Cli = ReadOnly.Append(descriptor.Cli, options.Validate(descriptor.DisplayName)) };
    }


    private static MethodInfo Method(Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (handler.GetInvocationList().Length > 1)
            throw new HugConfigurationException($"{MethodFacts.DisplayNameOf(handler.Method.DeclaringType, handler.Method.Name)}: a multicast delegate cannot be exposed; register each method.");
        return handler.Method;
    }

    /// <summary>The index of the method's registration (<paramref name="target"/>'s, for an instance method), added if it has none.</summary>
    private int EntryFor(MethodFacts method, object? target)
    {
        if (frozen is not null)
            throw new InvalidOperationException($"{method.DisplayName}: the API is already serving; register endpoints before mapping or running it.");
        for (var i = 0; i < registered.Length; i++)
            if (ReferenceEquals(registered[i].Target, target) && registered[i].Facts.SameMethodAs(method)) return i;
        registered = ReadOnly.Append(registered, EndpointIntrospector.Describe(method, target, Options));
        return registered.Length - 1;
    }
}
