using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Hug.WebSockets;

namespace Hug;

/// <summary>
/// One open WebSocket: send text, bytes or JSON, close, join groups. Sends are queued, in order, and
/// written by the connection's one writer, so concurrent sends from many tasks never interleave or
/// throw, and a client that stops reading holds a bounded queue (<see cref="HugOptions.WebSocketSendQueue"/> messages,
/// <see cref="HugOptions.WebSocketSendBuffer"/> bytes) before it is aborted: it never holds up its peers or the server's memory.
/// </summary>
public sealed class WebSocketConnection
{
    private readonly WebSocket socket;
    private readonly SendQueue outgoing;
    private readonly TimeSpan sendTimeout;
    private readonly JsonSerializerOptions json;
    private readonly Hug.WebSockets.WebSocketHub hub;
    private readonly Task writing;

    // transport: the adapter's object for the upgrade request (ASP.NET Core's HttpContext), read back by its extension members.
    internal WebSocketConnection(WebSocket socket, object transport, ClaimsPrincipal user, CancellationToken aborted, string path,
        HugOptions options, Hug.WebSockets.WebSocketHub hub)
    {
        this.socket = socket;
        json = options.ReadOnlyJson;
        sendTimeout = options.WebSocketSendTimeout;
        this.hub = hub;
        Transport = transport;
        User = user;
        Path = path;
        Aborted = aborted;
        outgoing = new SendQueue(Math.Max(1, options.WebSocketSendQueue), Math.Max(1, options.WebSocketSendBuffer));
        writing = WriteAsync();
    }

    /// <summary>When the client last took a message (the writer finished one): reading counts as activity for the idle timer.</summary>
    internal long LastWritten { get; private set; } = Environment.TickCount64;

    /// <summary>Whether the connection was aborted because its client stopped reading.</summary>
    internal bool Overflowed { get; private set; }

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
    public Task SendJsonAsync<T>(T value) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)json.GetTypeInfo(typeof(T))), WebSocketMessageType.Text);

    /// <summary>
    /// Closes the connection (the close handshake, then <see cref="WebSocketEndpoint.DisconnectAsync"/>): the close frame
    /// follows the messages already queued; a client whose queue is full is aborted instead (no frame could get through).
    /// </summary>
    public Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? reason = null)
    {
        var closing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (outgoing.TryAddClose(new Outgoing(default, default, closing, status, reason))) return closing.Task;
        if (IsOpen) Abort(overflowed: true);
        return Task.CompletedTask;
    }

    /// <summary>Adds the connection to a named group of its endpoint (for <see cref="IWebSocketHub"/> broadcasts).</summary>
    public void Join(string group) => hub.Join(this, group);

    /// <summary>Removes the connection from a group.</summary>
    public void Leave(string group) => hub.Leave(this, group);

    /// <summary>Queues a message; with the queue full (a slow client), waits for room up to the send timeout, then aborts the connection.</summary>
    private async Task SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type)
    {
        var item = new Outgoing(message, type);
        if (outgoing.TryAdd(item) || !IsOpen) return;
        try
        {
            if (!await outgoing.AddAsync(item, sendTimeout, Aborted)) Abort(overflowed: true);
        }
        catch (OperationCanceledException)
        {
            // The connection ended meanwhile: nothing to send to.
        }
    }

    /// <summary>
    /// A broadcast's send: queued if there is room, never waited for. A full queue means the client stopped reading
    /// while its peers did not: it is aborted and counted out (<see cref="HugOptions.WebSocketSendQueue"/>).
    /// </summary>
    internal void Offer(ReadOnlyMemory<byte> message, WebSocketMessageType type)
    {
        if (!outgoing.TryAdd(new Outgoing(message, type)) && IsOpen) Abort(overflowed: true);
    }

    /// <summary>Ends the connection at once: a client that stopped reading cannot take a close frame.</summary>
    private void Abort(bool overflowed)
    {
        Overflowed |= overflowed;
        outgoing.Complete();
        socket.Abort();
    }

    /// <summary>No more messages: the queued ones are written (each within the send timeout), then the writer ends.</summary>
    internal Task CompleteAsync()
    {
        outgoing.Complete();
        return writing;
    }

    /// <summary>The one writer: each queued message in order, each within the send timeout (else the client is not reading: abort).</summary>
    private async Task WriteAsync()
    {
        await Task.Yield(); // the constructor returns at once
        var timeout = new CancellationTokenSource(); // armed only while a frame is being written
        try
        {
            await foreach (var item in outgoing.Reader.ReadAllAsync())
            {
                if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                {
                    item.Closing?.TrySetResult();
                    outgoing.Taken(item);
                    continue;
                }
                timeout.CancelAfter(sendTimeout);
                if (item.Closing is { } closing)
                {
                    try
                    {
                        await socket.CloseOutputAsync(item.Status, item.Reason, timeout.Token);
                    }
                    finally
                    {
                        closing.TrySetResult();
                    }
                }
                else
                {
                    await socket.SendAsync(item.Message, item.Type, endOfMessage: true, timeout.Token);
                    LastWritten = Environment.TickCount64;
                    outgoing.Taken(item);
                }
                if (!timeout.TryReset()) // the timer fired as the write completed: a fresh one for the next
                {
                    timeout.Dispose();
                    timeout = new CancellationTokenSource();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Timed out (the client stopped reading) or gone: nothing more can be written.
            Abort(overflowed: timeout.IsCancellationRequested);
        }
        finally
        {
            timeout.Dispose();
            // Whatever is left (the connection ended) is dropped; a close waiting on the writer is released.
            while (outgoing.Reader.TryRead(out var left)) left.Closing?.TrySetResult();
        }
    }
}
