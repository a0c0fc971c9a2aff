namespace Hug;

/// <summary>
/// A WebSocket endpoint: subclass it, mark it <c>[WebSocket("/ws")]</c>, override what you need.
/// One instance is created (through DI) per connection; <see cref="DisconnectAsync"/> runs exactly
/// once per connection, also after an abrupt disconnect.
/// </summary>
public abstract class WebSocketEndpoint
{
    /// <summary>The connection is open.</summary>
    public virtual Task ConnectAsync(WebSocketConnection ws) => Task.CompletedTask;

    /// <summary>The connection is gone (closed by either side, dropped, or failed).</summary>
    public virtual Task DisconnectAsync(WebSocketConnection ws) => Task.CompletedTask;

    /// <summary>A whole text message arrived (fragments reassembled, UTF-8 checked).</summary>
    public virtual Task HandleMessageAsync(WebSocketConnection ws, string message) => Task.CompletedTask;

    /// <summary>A whole binary message arrived.</summary>
    public virtual Task HandleBinaryAsync(WebSocketConnection ws, ReadOnlyMemory<byte> message) => Task.CompletedTask;
}

/// <summary>Serves the <see cref="WebSocketEndpoint"/> subclass at <paramref name="path"/>.</summary>
/// <param name="path">The URL, such as <c>/ws</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WebSocketAttribute(string path) : Attribute
{
    /// <summary>The URL.</summary>
    public string Path { get; } = path;

    /// <summary>Origins allowed to connect (the <c>Origin</c> header); null or empty allows any.</summary>
    public string[]? AllowedOrigins { get; set; }
}
