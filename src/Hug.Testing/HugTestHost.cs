using System.Net.WebSockets;
using Hug.Use;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Testing;

/// <summary>
/// An API served in process by ASP.NET Core's <see cref="TestServer"/> (no port, no network), exactly as <c>serve</c>
/// builds it, with clients already pointed at it:
/// <code>
/// await using var host = await HugTestHost.StartAsync(HugApi.FromAssembly(typeof(Addition).Assembly));
/// Assert.Equal(3, await host.Client.CallAsync(Addition.Add, 1, 2));
/// </code>
/// </summary>
public sealed class HugTestHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private IHugClient? client;

    private HugTestHost(WebApplication app, HugApi api)
    {
        this.app = app;
        Api = api;
        Server = (TestServer)app.Services.GetRequiredService<IServer>();
    }

    /// <summary>Builds and starts the web application serving <paramref name="api"/> on a test server.</summary>
    public static async Task<HugTestHost> StartAsync(HugApi api, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var app = HugWebHost.Build(api, [], Hosting.ServeSettings.None, listen: false, HugServe.Extension, static builder => builder.WebHost.UseTestServer());
        await app.StartAsync(cancellationToken);
        return new HugTestHost(app, api);
    }

    /// <summary>The API served.</summary>
    public HugApi Api { get; }

    /// <summary>The in-memory server (its <see cref="TestServer.CreateClient"/>, <see cref="TestServer.CreateRequest"/>).</summary>
    public TestServer Server { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>An HTTP client calling the API's endpoints on the test server (disposed with the host).</summary>
    public IHugClient Client => client ??= HugClient.Http(Server.CreateClient(), Api);

    /// <summary>A plain <see cref="HttpClient"/> on the test server, for requests a client does not make (headers, raw bodies).</summary>
    public HttpClient CreateHttpClient() => Server.CreateClient();

    /// <summary>A client making WebSocket calls at the API's call path (<see cref="HugOptions.WebSocketCallPath"/>) on the test server; dispose it.</summary>
    public IHugClient CreateWebSocketClient()
    {
        var address = new UriBuilder(Server.BaseAddress) { Scheme = "ws", Path = Api.Options.WebSocketCallPath }.Uri;
        return new WebSocketHugClient(address, Api, ConnectAsync);
    }

    private Task<WebSocket> ConnectAsync(Uri address, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var sockets = Server.CreateWebSocketClient();
        var sent = headers.ToList();
        sockets.ConfigureRequest = request =>
        {
            foreach (var (name, value) in sent) request.Headers[name] = value;
        };
        return sockets.ConnectAsync(address, cancellationToken);
    }

    /// <summary>Stops the application.</summary>
    public async ValueTask DisposeAsync()
    {
        if (client is not null) await client.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
