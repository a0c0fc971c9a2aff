// The WebSocket echo scenario through Hug: the Echo endpoint, sending back what it receives.
using Hug;

return HugApi.Run(args);

/// <summary>Sends back every text message</summary>
[WebSocket("/echo")]
public sealed class Echo : WebSocketEndpoint
{
    /// <summary>Sends the message back.</summary>
    public override Task HandleMessageAsync(WebSocketConnection ws, string message) => ws.SendAsync(message);
}
