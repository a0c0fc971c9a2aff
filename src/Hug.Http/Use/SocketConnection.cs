using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Hug.Binding;

namespace Hug.Use;

/// <summary>
/// One client WebSocket carrying calls: sends are serialised (a WebSocket takes one at a time), one loop reads every
/// answer and hands it to its call's channel by id. When the connection ends, every call still waiting fails.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    private readonly WebSocket socket;
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ConcurrentDictionary<long, Channel<JsonElement>> calls = new();
    private readonly CancellationTokenSource closing = new();
    private readonly Task reading;
    private long lastId;

    private SocketConnection(WebSocket socket)
    {
        this.socket = socket;
        reading = Task.Run(ReadAsync);
    }

    public bool IsOpen => socket.State == WebSocketState.Open && !reading.IsCompleted;

    public static async Task<SocketConnection> OpenAsync(Uri address, HugCredentials? credentials, SocketConnector connect, CancellationToken cancellationToken) =>
        new(await connect(address, credentials?.Headers() ?? [], cancellationToken).ConfigureAwait(false));

    /// <summary>Opens a <see cref="ClientWebSocket"/> with the headers on its upgrade request.</summary>
    public static async Task<WebSocket> ConnectAsync(Uri address, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in headers) socket.Options.SetRequestHeader(name, value);
        try
        {
            await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return socket;
    }

    /// <summary>
    /// Sends one call; its answers (one, or a stream's items and end) arrive on the returned call's reader. Disposing the
    /// call before its last answer (the caller gave up, or stopped reading a stream) cancels it on the server.
    /// </summary>
    public async Task<SocketCall> CallAsync(string name, Dictionary<string, RawValue> arguments, int? version, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastId);
        var replies = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        calls[id] = replies;
        await SendAsync(Message(id, name, arguments, version), cancellationToken).ConfigureAwait(false);
        return new SocketCall(this, id, replies.Reader);
    }

    /// <summary>Stops waiting for call <paramref name="id"/> and, when it had not ended, asks the server to cancel it.</summary>
    internal async ValueTask EndAsync(long id)
    {
        if (!calls.TryRemove(id, out var replies)) return;
        replies.Writer.TryComplete();
        if (!IsOpen) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SendAsync(CancelMessage(id), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is going: the server ends the call with it.
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    private static ReadOnlyMemory<byte> CancelMessage(long id) => System.Text.Encoding.UTF8.GetBytes($"{{\"id\":{id},\"cancel\":true}}");

    private static ReadOnlyMemory<byte> Message(long id, string name, Dictionary<string, RawValue> arguments, int? version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("call", name);
            if (version is { } v) writer.WriteNumber("version", v);
            writer.WriteStartObject("args");
            foreach (var (argument, value) in arguments)
            {
                writer.WritePropertyName(argument);
                ArgumentText.WriteJson(writer, value);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    /// <summary>Reads answers until the connection ends; an answer ends its call unless it is a stream's item.</summary>
    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Exception? ended = null;
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.GetMemory(4096), closing.Token).ConfigureAwait(false);
                    buffer.Advance(received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);
                if (received.MessageType == WebSocketMessageType.Close) break;
                var reply = JsonElement.Parse(buffer.WrittenSpan);
                if (!reply.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id) || !calls.TryGetValue(id, out var replies)) continue;
                replies.Writer.TryWrite(reply);
                if (!reply.TryGetProperty("item", out _) && calls.TryRemove(id, out _)) replies.Writer.TryComplete();
            }
        }
        catch (Exception exception)
        {
            ended = exception;
        }
        foreach (var id in calls.Keys)
            if (calls.TryRemove(id, out var replies))
                replies.Writer.TryComplete(ended ?? new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection."));
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Client done", timeout.Token).ConfigureAwait(false);
                await reading.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
            {
            }
        }
        closing.Cancel();
        await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        socket.Dispose();
        closing.Dispose();
    }
}

/// <summary>Opens a WebSocket to <c>address</c> with <c>headers</c> on the upgrade request (a real socket, or a test server's).</summary>
internal delegate Task<WebSocket> SocketConnector(Uri address, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken);

/// <summary>One call on a <see cref="SocketConnection"/>: its answers, and (disposed before the last) its cancellation.</summary>
internal sealed class SocketCall(SocketConnection connection, long id, ChannelReader<JsonElement> replies) : IAsyncDisposable
{
    public ChannelReader<JsonElement> Replies => replies;

    public ValueTask DisposeAsync() => connection.EndAsync(id);
}
