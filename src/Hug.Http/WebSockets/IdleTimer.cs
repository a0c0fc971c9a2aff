using System.Net.WebSockets;

namespace Hug.WebSockets;

/// <summary>
/// Closes a connection whose client has done nothing for the idle timeout (sent no frame, taken no message): a close frame ("Idle timeout"),
/// not a cancelled receive (which would abort the socket and cut the client off without a handshake).
/// A client that does not answer the close within <see cref="HandshakeGrace"/> is aborted.
/// <see cref="Timeout.InfiniteTimeSpan"/> turns the timeout off. A frame only records the time
/// (no timer re-arming per message); when the timer fires early, it re-arms for the remainder.
/// </summary>
internal sealed class IdleTimer : IDisposable
{
    private static readonly TimeSpan HandshakeGrace = TimeSpan.FromSeconds(5);
    private readonly WebSocket socket;
    private readonly WebSocketConnection connection;
    private readonly TimeSpan timeout;
    private readonly Timer? timer;
    private long lastActivity = Environment.TickCount64;

    public IdleTimer(WebSocket socket, WebSocketConnection connection, TimeSpan timeout)
    {
        this.socket = socket;
        this.connection = connection;
        this.timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
            timer = new Timer(static state => ((IdleTimer)state!).Elapsed(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Something arrived: the connection is not idle.</summary>
    public void MarkActivity() => Volatile.Write(ref lastActivity, Environment.TickCount64);

    public void Dispose() => timer?.Dispose();

    private void Elapsed()
    {
        // What the client does: sending (a frame arrived) or reading (the writer finished a message to it).
        var idleFor = TimeSpan.FromMilliseconds(Environment.TickCount64 - Math.Max(Volatile.Read(ref lastActivity), connection.LastWritten));
        if (idleFor < timeout)
        {
            try
            {
                timer!.Change(timeout - idleFor, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // The connection ended meanwhile.
            }
            return;
        }
        _ = CloseAsync();
    }

    private async Task CloseAsync()
    {
        await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Idle timeout");
        await Task.Delay(HandshakeGrace);
        if (socket.State != WebSocketState.Closed) socket.Abort();
    }
}
