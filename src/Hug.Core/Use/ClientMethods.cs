using System.Collections.Concurrent;
using System.Reflection;
using Hug.Binding;
using Hug.Introspection;

namespace Hug;

/// <summary>What every client does the same way before a call: finds the endpoint a method or a name stands for, and names its arguments.</summary>
internal static class ClientMethods
{
    // The API of an assembly a typed call names, when the client was made without one: described once per process.
    private static readonly ConcurrentDictionary<Assembly, HugApi> Apis = new();

    /// <summary>The API that describes <paramref name="method"/>: the client's own, else the attributed methods of the method's assembly.</summary>
    public static HugApi ApiFor(HugApi? api, Delegate method) =>
        api ?? Apis.GetOrAdd(method.Method.DeclaringType?.Assembly ?? throw new ArgumentException("A typed call names a method of a type.", nameof(method)),
            static assembly => HugApi.FromAssembly(assembly));

    /// <summary>The endpoint exposing <paramref name="method"/> in <paramref name="api"/>, serving <paramref name="version"/> among its versions.</summary>
    public static EndpointDescriptor Find(HugApi api, Delegate method, int? version)
    {
        ArgumentNullException.ThrowIfNull(method);
        var target = method.Method;
        EndpointDescriptor? found = null;
        foreach (var endpoint in api.Endpoints)
        {
            if (endpoint.Facts.Name != target.Name || endpoint.Facts.DeclaringType != target.DeclaringType || endpoint.Method != target) continue;
            if (version is not { } v || endpoint.Http.Any(r => r.Versions.Contains(v))) return endpoint;
            found ??= endpoint;
        }
        return found ?? throw new ArgumentException(
            $"{MethodFacts.DisplayNameOf(target.DeclaringType, target.Name)} is not an endpoint of this API (give the client the HugApi that exposes it).", nameof(method));
    }

    /// <summary>
    /// The version a typed call asks for: the client's, else none when the method serves calls without one, else the
    /// highest it declares (the call names the method itself, so the server is told which of its versions that is).
    /// </summary>
    public static int? VersionFor(EndpointDescriptor endpoint, int? version) =>
        version ?? (Pipeline.CallTable.ServesNoVersion(endpoint) ? null : endpoint.Http.SelectMany(r => r.Versions).Max());

    /// <summary>The endpoint called <paramref name="name"/>, or an error naming it.</summary>
    public static EndpointDescriptor Find(HugApi api, string name, int? version)
    {
        ArgumentNullException.ThrowIfNull(name);
        return api.Calls.Find(name, version) ?? throw new ArgumentException($"The API has no endpoint named '{name}'.", nameof(name));
    }

    /// <summary>
    /// Positional arguments of a typed call by parameter name: the inputs only (what a caller supplies over HTTP), and
    /// the <see cref="CancellationToken"/> among them, which cancels the call beside <paramref name="cancellation"/>.
    /// </summary>
    public static Dictionary<string, object?> Name(HugApi api, EndpointDescriptor endpoint, object?[] arguments, ref CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != endpoint.Parameters.Length)
            throw new ArgumentException($"{endpoint.DisplayName} takes {endpoint.Parameters.Length} arguments, not {arguments.Length}.", nameof(arguments));
        var named = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in endpoint.Parameters)
        {
            var value = arguments[parameter.Position];
            if (value is CancellationToken token && token.CanBeCanceled && !cancellation.CanBeCanceled) cancellation = token;
            else if (parameter.IsInput && api.TakesAsInput(parameter)) named[parameter.Name] = value;
        }
        return named;
    }

    /// <summary>The status a success answers with where the transport carries none (in process, WebSocket calls): the route's, else 200.</summary>
    public static int SuccessStatus(EndpointDescriptor? endpoint) => endpoint?.Http.FirstOrDefault()?.Status ?? 200;

    /// <summary>Arguments as the raw values the binder reads (text stays text), for a remote client to send.</summary>
    public static Dictionary<string, RawValue> Raw(object? arguments, HugApi? api) => Arguments.From(arguments, (api?.Options ?? DefaultOptions).ReadOnlyJson);

    private static readonly HugOptions DefaultOptions = new();
}
