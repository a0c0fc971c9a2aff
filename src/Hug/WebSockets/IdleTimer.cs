using System.Net.WebSockets;

namespace Hug.WebSockets;

/// <summary>
/// Closes a connection that has received nothing for the idle timeout: a close frame ("Idle timeout"),
/// not a cancelled receive (which would abort the socket and cut the client off without a handshake).
/// A client that does not answer the close within <see cref="HandshakeGrace"/> is aborted.
/// <see cref="Timeout.InfiniteTimeSpan"/> turns the timeout off.
/// </summary>
internal sealed class IdleTimer : IDisposable
{
    private static readonly TimeSpan HandshakeGrace = TimeSpan.FromSeconds(5);
    private readonly WebSocket socket;
    private readonly WebSocketConnection connection;
    private readonly TimeSpan timeout;
    private readonly Timer? timer;

    public IdleTimer(WebSocket socket, WebSocketConnection connection, TimeSpan timeout)
    {
        this.socket = socket;
        this.connection = connection;
        this.timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
            timer = new Timer(static state => _ = ((IdleTimer)state!).CloseAsync(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Something arrived: the connection is not idle.</summary>
    public void Restart() => timer?.Change(timeout, Timeout.InfiniteTimeSpan);

    public void Dispose() => timer?.Dispose();

    private async Task CloseAsync()
    {
        await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Idle timeout");
        await Task.Delay(HandshakeGrace);
        if (socket.State != WebSocketState.Closed) socket.Abort();
    }
}
