using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Hug.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hug.WebSockets;

/// <summary>
/// Accepts and runs the connections of one <see cref="WebSocketEndpoint"/> type: origin and
/// requirement checks before the upgrade, reassembly of fragments up to the size limit (else 1009),
/// strict UTF-8 for text (else 1007), 1011 when a handler throws, an idle timeout, and
/// <see cref="WebSocketEndpoint.DisconnectAsync"/> exactly once.
/// </summary>
internal sealed class WebSocketHandler(Type endpointType, ObjectFactory factory, string path, string[] origins, IReadOnlyList<Requirement> requirements,
    HugApi api, WebSocketHub hub, ILogger logger)
{
    private static readonly TimeSpan CloseLinger = TimeSpan.FromMilliseconds(500);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Path => path;
    public Type EndpointType => endpointType;

    public async Task HandleAsync(HttpContext http)
    {
        // Browsers always send Origin, which is what the check protects against (cross-site WebSocket
        // hijacking); other clients may send none.
        var origin = http.Request.Headers.Origin.ToString();
        if (origins.Length > 0 && origin.Length > 0 && !origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            await Problem.One(403, "Forbidden", "Origin", $"Origin '{http.Request.Headers.Origin}' may not connect to {path}").WriteAsync(http);
            return;
        }
        if (requirements.Count > 0)
        {
            var call = new CallContext(api, endpointType.Name, HugInterfaces.WebSocket, http.RequestServices, http, http.RequestAborted, null, static _ => null)
            {
                AdapterValues = Http.HttpDirectives.Read, // requirements read the upgrade request's headers through it
            };
            if (!await RequirementCheck.MeetsAsync(http, call, requirements)) return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Problem.One(400, "Bad Request", "upgrade", $"{path} is a WebSocket endpoint; connect with a WebSocket client").WriteAsync(http);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = api.Options.WebSocketKeepAlive });
        var connection = new WebSocketConnection(socket, http, http.User, http.RequestAborted, path, api.Options, hub);
        var endpoint = (WebSocketEndpoint)factory(http.RequestServices, null);
        hub.Add(connection);
        try
        {
            await endpoint.ConnectAsync(connection);
            await ReceiveAsync(socket, connection, endpoint);
        }
        catch (WebSocketException exception) when (exception.WebSocketErrorCode == WebSocketError.Faulted && !socket.CloseStatus.HasValue)
        {
            // .NET's WebSocket refused the client's data itself (invalid UTF-8: it sends 1007, then aborts). Returning at
            // once tore the connection down before some clients had read that close frame (2 resets in 20 with
            // benchmarks/reliability/ws-close-probe.py); a brief linger lets the frame arrive first (20 in 20).
            await Task.Delay(CloseLinger);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException && !socket.CloseStatus.HasValue)
        {
            // The client vanished without a close handshake: nothing to answer.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "WebSocket endpoint {Endpoint} failed; closing connection {Connection} with 1011", endpointType.Name, connection.Id);
            await connection.CloseAsync(WebSocketCloseStatus.InternalServerError, "Internal error");
        }
        finally
        {
            hub.Remove(connection);
            try
            {
                await endpoint.DisconnectAsync(connection);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "WebSocket endpoint {Endpoint} failed in DisconnectAsync", endpointType.Name);
            }
            if (endpoint is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else (endpoint as IDisposable)?.Dispose();
            await connection.CompleteAsync(); // what was queued (a close frame included) is written, each within the send timeout
        }
        if (connection.Overflowed)
            logger.LogInformation("WebSocket connection {Connection} at {Path} stopped reading; aborted with its send queue full", connection.Id, path);
        await FinishCloseAsync(socket);
    }

    private async Task ReceiveAsync(WebSocket socket, WebSocketConnection connection, WebSocketEndpoint endpoint)
    {
        var limit = api.Options.WebSocketMaxMessageSize;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            using var idle = new IdleTimer(socket, connection, api.Options.WebSocketIdleTimeout);
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), connection.Aborted);
                idle.MarkActivity();
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await connection.CloseAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null);
                    return;
                }
                if (message.WrittenCount + received.Count > limit)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {limit} bytes");
                    return;
                }
                message.Write(buffer.AsSpan(0, received.Count));
                if (!received.EndOfMessage) continue;
                if (received.MessageType == WebSocketMessageType.Text)
                {
                    string text;
                    try
                    {
                        text = StrictUtf8.GetString(message.WrittenSpan);
                    }
                    catch (DecoderFallbackException)
                    {
                        await connection.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid UTF-8");
                        return;
                    }
                    message.ResetWrittenCount();
                    await endpoint.HandleMessageAsync(connection, text);
                }
                else
                {
                    var bytes = message.WrittenMemory.ToArray();
                    message.ResetWrittenCount();
                    await endpoint.HandleBinaryAsync(connection, bytes);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>After this side sent its close frame, wait briefly for the client's, so the handshake completes.</summary>
    private static async Task FinishCloseAsync(WebSocket socket)
    {
        if (socket.State != WebSocketState.CloseSent) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var buffer = new byte[256];
            while (socket.State == WebSocketState.CloseSent)
                await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }
}
