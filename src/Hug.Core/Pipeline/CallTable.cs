using System.Collections.Concurrent;
using Hug.Binding;
using Hug.Introspection;
using Hug.Invocation;

namespace Hug.Pipeline;

/// <summary>
/// One API's endpoints as calls by name (WebSocket calls, Local calls, <see cref="CurrentApi"/>):
/// finds an endpoint and holds its pipeline per interface, built on first use and kept by the API
/// (never in a static: two APIs in a process keep their own settings).
/// </summary>
internal sealed class CallTable(HugApi api)
{
    private readonly ConcurrentDictionary<EndpointDescriptor, CallPipeline> webSocket = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<EndpointDescriptor, CallPipeline> local = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The endpoint called <paramref name="name"/>: its method name (any case), its kebab-case name,
    /// or the name it is exposed under (an HTTP route's path without the slash, a command's name),
    /// which is how a lambda registered fluently is called.
    /// Among versions of one name, the one serving <paramref name="version"/>, else the version-less one; with no version
    /// asked, only a version-less one (as a URL without <c>/vN</c> does: never silently the latest).
    /// </summary>
    public EndpointDescriptor? Find(string name, int? version, Func<EndpointDescriptor, bool>? callable = null)
    {
        EndpointDescriptor? unversioned = null;
        foreach (var endpoint in api.Endpoints)
        {
            if (callable is not null && !callable(endpoint)) continue;
            if (!Named(endpoint, name)) continue;
            if (version is { } v && endpoint.Http.Any(r => r.Versions.Contains(v))) return endpoint;
            if (unversioned is null && ServesNoVersion(endpoint)) unversioned = endpoint;
        }
        return unversioned;
    }

    // Version-less: a route declared for no version, or an interface that has none (a command, a method with no route).
    internal static bool ServesNoVersion(EndpointDescriptor endpoint) =>
        endpoint.Http.Length == 0 || endpoint.Cli.Length > 0 || endpoint.Http.Any(r => r.Versions.Count == 0);

    private static bool Named(EndpointDescriptor endpoint, string name)
    {
        if (string.Equals(endpoint.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(endpoint.Facts.Name, name, StringComparison.OrdinalIgnoreCase)
            || Naming.Kebab(endpoint.Name) == name) return true;
        foreach (var route in endpoint.Http)
            foreach (var url in route.Urls)
                if (url.Length == name.Length + 1 && url[0] == '/' && url.AsSpan(1).Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var command in endpoint.Cli)
            if (command.Name == name) return true;
        return false;
    }

    /// <summary>
    /// The pipeline of <paramref name="endpoint"/> on <paramref name="interface"/> (WebSocket or Local).
    /// WebSocket calls keep the HTTP requirements of the method and its routes (a call is an HTTP
    /// request by other means), and apply the transforms scoped to WebSockets.
    /// </summary>
    public CallPipeline For(EndpointDescriptor endpoint, HugInterfaces @interface) =>
        (@interface == HugInterfaces.WebSocket ? webSocket : local).GetOrAdd(endpoint, static (endpoint, state) => state.table.Build(endpoint, state.@interface),
            (table: this, @interface));

    private CallPipeline Build(EndpointDescriptor endpoint, HugInterfaces @interface)
    {
        var invoker = InvokerCompiler.Compile(endpoint, ParameterBinder.For(endpoint, api));
        var requirements = @interface == HugInterfaces.WebSocket
            ? api.RequirementsFor(endpoint, HugInterfaces.Http | HugInterfaces.WebSocket, endpoint.Http.SelectMany(r => r.Requires))
            : api.RequirementsFor(endpoint, @interface, []);
        return CallPipeline.Create(api, endpoint, invoker, requirements, api.TransformsFor(endpoint, @interface, []));
    }
}
