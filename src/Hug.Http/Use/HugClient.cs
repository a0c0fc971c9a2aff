using Hug.Use;

namespace Hug;

/// <summary>
/// The clients of a Hug API, switched by this one line; the calls after it stay the same:
/// <code>
/// IHugClient client = HugClient.Local(api);                                  // in process, through the pipeline
/// IHugClient client = HugClient.Http(new Uri("http://localhost:8000"), api);   // over HTTP
/// IHugClient client = HugClient.WebSocket(new Uri("ws://localhost:8000/calls"), api); // as WebSocket calls
/// int sum = await client.CallAsync(Addition.Add, 1, 2);
/// </code>
/// The <c>api</c> argument (optional for typed calls of attributed methods: their assembly describes them) gives the
/// routes an HTTP client needs to call by name, and the JSON settings and generated metadata results are read with.
/// </summary>
public static class HugClient
{
    /// <summary>Calls in process, through the same pipeline as HTTP and the command line (<see cref="HugApi.Local"/>).</summary>
    public static IHugClient Local(HugApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.Local;
    }

    /// <summary>Calls over HTTP at <paramref name="address"/> with an <see cref="HttpClient"/> the client owns (disposed with it).</summary>
    public static IHugClient Http(Uri address, HugApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new HttpHugClient(new HttpClient { BaseAddress = address }, true, api);
    }

    /// <summary>
    /// Calls over HTTP with <paramref name="http"/> (its <see cref="HttpClient.BaseAddress"/> is the API's): one from
    /// <c>IHttpClientFactory</c>, with the handlers (resilience, logging) configured there, or a test server's.
    /// </summary>
    public static IHugClient Http(HttpClient http, HugApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new HttpHugClient(http, false, api);
    }

    /// <summary>Calls as WebSocket messages at <paramref name="address"/> (<c>ws://host:port/calls</c>); dispose the client to close the connection.</summary>
    public static IHugClient WebSocket(Uri address, HugApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new WebSocketHugClient(address, api);
    }
}
