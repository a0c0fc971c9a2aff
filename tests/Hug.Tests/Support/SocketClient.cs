using System.Net.WebSockets;
using System.Text;

namespace Hug.Tests.Support;

/// <summary>A real ClientWebSocket to a test server, with bounded waits.</summary>
public static class SocketClient
{
    public static Task<ClientWebSocket> ConnectAsync(HugServer server, string path, Action<ClientWebSocketOptions>? options = null) =>
        ConnectAsync(server.Client.BaseAddress!, path, options);

    /// <summary>Connects to <paramref name="pathAndQuery"/> on the HTTP server at <paramref name="address"/> (http becomes ws).</summary>
    public static async Task<ClientWebSocket> ConnectAsync(Uri address, string pathAndQuery, Action<ClientWebSocketOptions>? options = null)
    {
        var socket = new ClientWebSocket();
        options?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(new UriBuilder(address) { Scheme = "ws" }.Uri, pathAndQuery), timeout.Token);
        return socket;
    }

    /// <summary>One whole message (fragments joined); Text is null for a close.</summary>
    public static async Task<(string? Text, WebSocketReceiveResult Result)> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        var total = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, total, buffer.Length - total), timeout.Token);
            total += result.Count;
        } while (!result.EndOfMessage);
        return (result.MessageType == WebSocketMessageType.Close ? null : Encoding.UTF8.GetString(buffer, 0, total), result);
    }

    public static Task SendAsync(ClientWebSocket socket, string text, bool end = true) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, end, CancellationToken.None);
}
