namespace Hug;

/// <summary>
/// One call of an exposed method as requirements and directives see it: which interface, the
/// adapter's own object for the call (<see cref="Transport"/>; over HTTP read it as <c>call.HttpContext</c>),
/// services, cancellation, the authenticated user, credentials. It names no adapter's types: the
/// HTTP view is an extension property the HTTP adapter declares.
/// </summary>
public sealed class CallContext
{
    private readonly Func<string, string?> credential;

    internal CallContext(HugApi api, string endpoint, HugInterfaces @interface, IServiceProvider services, object? transport,
        CancellationToken cancellation, int? apiVersion, Func<string, string?> credential)
    {
        Api = api;
        Endpoint = endpoint;
        Interface = @interface;
        Services = services;
        Transport = transport;
        Cancellation = cancellation;
        ApiVersion = apiVersion;
        this.credential = credential;
        Started = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>The API serving the call.</summary>
    public HugApi Api { get; }

    /// <summary>The endpoint's name (<c>Addition.Add</c>).</summary>
    public string Endpoint { get; }

    /// <summary>The interface the call came through.</summary>
    public HugInterfaces Interface { get; }

    /// <summary>The call's services (the request's scope over HTTP).</summary>
    public IServiceProvider Services { get; }

    /// <summary>
    /// The interface adapter's own object for the call: ASP.NET Core's <c>HttpContext</c> over HTTP and
    /// WebSocket calls (the upgrade request); null on the command line and for Local calls.
    /// </summary>
    public object? Transport { get; }

    /// <summary>Cancelled when the client goes away (HTTP) or on Ctrl+C (CLI).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The API version requested (<c>/v2/…</c> or <c>X-Api-Version</c>), if any.</summary>
    public int? ApiVersion { get; }

    /// <summary>The user an authentication requirement accepted, or null.</summary>
    public object? User { get; set; }

    internal long Started { get; }

    /// <summary>How the adapter that made <see cref="Transport"/> reads its directive values from it (static: no allocation per call).</summary>
    internal Func<object, Introspection.ContextValue, string, object?>? AdapterValues { get; init; }

    /// <summary>Whether the call came with a request (HTTP, or a WebSocket call's upgrade request) whose headers and query can be read.</summary>
    internal bool HasRequest => Transport is not null && AdapterValues is not null;

    /// <summary>A request header (its values joined by commas), read through the adapter (authentication, <c>Transform.When</c>); null without a request or header.</summary>
    internal string? RequestHeader(string name) => HasRequest ? AdapterValues!(Transport!, Introspection.ContextValue.RequestHeader, name) as string : null;

    /// <summary>The request's path, read through the adapter; null without a request.</summary>
    internal string? RequestPath => HasRequest ? AdapterValues!(Transport!, Introspection.ContextValue.RequestPath, "") as string : null;

    /// <summary>The first value of a query string parameter, read through the adapter; null without a request or parameter.</summary>
    internal string? QueryValue(string name) => HasRequest ? AdapterValues!(Transport!, Introspection.ContextValue.QueryValue, name) as string : null;

    /// <summary>
    /// A credential given on the command line (<c>--api-key</c>) or in the environment
    /// (<c>HUG_API_KEY</c>); null over HTTP, where credentials come from the request.
    /// </summary>
    /// <param name="name">The credential's name in kebab case, such as <c>api-key</c>.</param>
    public string? Credential(string name) => credential(name);
}
