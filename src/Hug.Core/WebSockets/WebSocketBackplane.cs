namespace Hug;

/// <summary>
/// Carries <see cref="IWebSocketHub"/> broadcasts between the instances of one API behind a proxy (a message bus: Hug.Redis
/// provides one over Redis pub/sub). Each instance delivers its own broadcasts to its own connections first; the backplane
/// only carries them to the others, so an instance keeps serving its connections when the bus is down.
/// </summary>
public interface IWebSocketBackplane
{
    /// <summary>Starts handing the broadcasts of the other instances to <paramref name="receive"/>; called once, when the API is served.</summary>
    void Start(Action<WebSocketBroadcast> receive);

    /// <summary>Sends a broadcast made here to the other instances. Returns at once and never throws: a lost message is logged, not raised.</summary>
    void Publish(WebSocketBroadcast broadcast);
}

/// <summary>One broadcast as it travels between instances.</summary>
/// <param name="Path">The WebSocket endpoint's path.</param>
/// <param name="Message">The message, UTF-8 text.</param>
/// <param name="Group">Only the connections in this group; null: all of the endpoint's.</param>
/// <param name="ExceptConnection">The <see cref="WebSocketConnection.Id"/> left out (the sender), or null.</param>
public sealed record WebSocketBroadcast(string Path, ReadOnlyMemory<byte> Message, string? Group, string? ExceptConnection);
