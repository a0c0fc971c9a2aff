// Cross-instance fan-out through Hug: every text message a connection sends is broadcast to every connection of /fan,
// on this instance and, through Redis (ConnectionStrings__Redis), on the others.
using Hug;

return HugApi.Run(args, api => api.UseRedis());

/// <summary>Broadcasts every message to the room</summary>
[WebSocket("/fan")]
public sealed class Fan(IWebSocketHub hub) : WebSocketEndpoint
{
    /// <summary>Broadcasts the message to every connection, the sender included.</summary>
    public override Task HandleMessageAsync(WebSocketConnection ws, string message) => hub.BroadcastAsync("/fan", message);
}
