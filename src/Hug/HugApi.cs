using System.Collections.Immutable;
using System.Reflection;
using Hug.Hosting;
using Hug.Introspection;
using Microsoft.Extensions.DependencyInjection;

namespace Hug;

/// <summary>
/// The registry of one application: its exposed methods and the interfaces they are exposed on.
/// Fill it from attributes (<see cref="AddAssembly"/>, <see cref="AddType"/>) or fluently
/// (<c>api.Http.Get("/add", Addition.Add)</c>), then run it (<see cref="Run(string[], Action{HugApi}?)"/>)
/// or map it into an ASP.NET Core app (<c>app.MapHug()</c>).
/// </summary>
public sealed class HugApi
{
    private readonly List<Entry> entries = [];
    private ImmutableArray<EndpointDescriptor>? frozen;

    /// <summary>An empty API; add endpoints with <see cref="Http"/>, <see cref="AddType"/> or <see cref="AddAssembly"/>.</summary>
    public HugApi(HugOptions? options = null)
    {
        Options = options ?? new HugOptions();
        Options.Json.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>The API's settings.</summary>
    public HugOptions Options { get; }

    /// <summary>
    /// Services the API's methods take as parameters (or their classes take in constructors);
    /// copied into the host's container by <c>serve</c>. With <c>AddHug</c>, register on the app's own services instead.
    /// </summary>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>The root HTTP router: <c>api.Http.Get("/path", Method)</c>, or chain options first.</summary>
    public HttpRouter Http => new(this, new HttpRouteOptions());

    /// <summary>An API holding every attributed method of <paramref name="assembly"/>.</summary>
    public static HugApi FromAssembly(Assembly assembly, HugOptions? options = null) => new HugApi(options).AddAssembly(assembly);

    /// <summary>Discovers the attributed methods of every type in <paramref name="assembly"/>.</summary>
    public HugApi AddAssembly(Assembly assembly)
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
        foreach (var type in types.OrderBy(t => t.MetadataToken))
            if (!type.IsGenericTypeDefinition && type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
                AddType(type);
        return this;
    }

    /// <summary>Registers the attributed methods (static or instance) of one type.</summary>
    public HugApi AddType(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all).OrderBy(m => m.MetadataToken))
            foreach (var attribute in method.GetCustomAttributes<HttpAttribute>())
                Register(method, null, attribute.ToOptions(EndpointIntrospector.DisplayName(method)));
        return this;
    }

    /// <summary>The API's overview: <see cref="HugOptions.Overview"/>, else the summary of the class holding its endpoints.</summary>
    public string Overview
    {
        get
        {
            if (Options.Overview is { } overview) return overview;
            var summaries = Endpoints.Select(e => e.TypeSummary).Where(s => s is not null).Distinct().ToList();
            if (summaries.Count == 1) return summaries[0]!;
            var assembly = Endpoints.FirstOrDefault()?.Method.Module.Assembly ?? Assembly.GetEntryAssembly();
            return assembly?.GetCustomAttribute<AssemblyDescriptionAttribute>()?.Description
                ?? assembly?.GetName().Name ?? "Hug API";
        }
    }

    internal ImmutableArray<EndpointDescriptor> Endpoints =>
        frozen ??= [.. entries.Select(e => e.Descriptor with { Http = [.. e.Http] })];

    internal void Register(Delegate handler, HttpRouteOptions options)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (handler.GetInvocationList().Length > 1)
            throw new HugConfigurationException($"{EndpointIntrospector.DisplayName(handler.Method)}: a multicast delegate cannot be exposed; register each method.");
        Register(handler.Method, handler.Target, options);
    }

    private void Register(MethodInfo method, object? target, HttpRouteOptions options)
    {
        if (frozen is not null)
            throw new InvalidOperationException($"{EndpointIntrospector.DisplayName(method)}: the API is already serving; register endpoints before mapping or running it.");
        var entry = entries.Find(e => e.Descriptor.Method == method && ReferenceEquals(e.Descriptor.Target, target));
        if (entry is null)
        {
            entry = new Entry(EndpointIntrospector.Describe(method, target, Options.Json));
            entries.Add(entry);
        }
        entry.Http.Add(options.Validate(entry.Descriptor.DisplayName));
    }

    /// <summary>
    /// The one-line entry point: discovers the entry assembly's endpoints and runs the command line
    /// (<c>serve</c> and, later, the API's commands). Returns the process exit code.
    /// </summary>
    public static int Run(string[] args, Action<HugApi>? configure = null)
    {
        var api = FromAssembly(Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly; use new HugApi().AddAssembly(...)."));
        configure?.Invoke(api);
        return api.RunAsync(args).GetAwaiter().GetResult();
    }

    /// <summary>Runs the API's command line with <paramref name="args"/>; the result is the exit code.</summary>
    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
        HugCommandLine.RunAsync(this, args, Console.Out, Console.Error, cancellationToken);

    private sealed record Entry(EndpointDescriptor Descriptor)
    {
        public List<HttpRouteOptions> Http { get; } = [];
    }
}
