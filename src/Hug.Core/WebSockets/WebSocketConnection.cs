using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace Hug;

/// <summary>
/// One open WebSocket: send text, bytes or JSON, close, join groups. Sends go through one writer,
/// so concurrent sends from many tasks never interleave or throw.
/// </summary>
public sealed class WebSocketConnection
{
    private readonly WebSocket socket;
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly JsonSerializerOptions json;
    private readonly Hug.WebSockets.WebSocketHub hub;

    // transport: the adapter's object for the upgrade request (ASP.NET Core's HttpContext), read back by its extension members.
    internal WebSocketConnection(WebSocket socket, object transport, ClaimsPrincipal user, CancellationToken aborted, string path,
        JsonSerializerOptions json, Hug.WebSockets.WebSocketHub hub)
    {
        this.socket = socket;
        this.json = json;
        this.hub = hub;
        Transport = transport;
        User = user;
        Path = path;
        Aborted = aborted;
    }

    /// <summary>A unique id.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The endpoint's path.</summary>
    public string Path { get; }

    /// <summary>The user of the upgrade request.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>Whatever the endpoint wants to keep with this connection.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>();

    /// <summary>Cancelled when the connection goes away.</summary>
    public CancellationToken Aborted { get; }

    internal HashSet<string> Groups { get; } = [];

    /// <summary>The upgrade request as its adapter holds it; over HTTP read it as <c>connection.Request</c> (an extension property of the HTTP adapter).</summary>
    internal object Transport { get; }

    /// <summary>Whether the socket can still send.</summary>
    public bool IsOpen => socket.State is WebSocketState.Open or WebSocketState.CloseReceived;

    /// <summary>Sends a text message.</summary>
    public Task SendAsync(string message) => SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text);

    /// <summary>Sends a binary message.</summary>
    public Task SendAsync(ReadOnlyMemory<byte> message) => SendAsync(message, WebSocketMessageType.Binary);

    /// <summary>Sends <paramref name="value"/> as a JSON text message, with the API's JSON settings.</summary>
    public Task SendJsonAsync<T>(T value) => SendAsync(JsonSerializer.SerializeToUtf8Bytes(value, json), WebSocketMessageType.Text);

    /// <summary>Closes the connection (the close handshake, then <see cref="WebSocketEndpoint.DisconnectAsync"/>).</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? reason = null)
    {
        await sending.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone: nothing to close.
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Adds the connection to a named group of its endpoint (for <see cref="IWebSocketHub"/> broadcasts).</summary>
    public void Join(string group) => hub.Join(this, group);

    /// <summary>Removes the connection from a group.</summary>
    public void Leave(string group) => hub.Leave(this, group);

    private async Task SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type)
    {
        await sending.WaitAsync(Aborted);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.SendAsync(message, type, endOfMessage: true, Aborted);
        }
        finally
        {
            sending.Release();
        }
    }
}
