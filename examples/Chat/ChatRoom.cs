using System.Text.Json;
using System.Text.Json.Serialization;
using Hug;

/// <summary>The chat room: everyone connected to /chat sees every message, joins and leaves</summary>
[WebSocket("/chat")]
public sealed class ChatRoom(IWebSocketHub hub) : WebSocketEndpoint
{
    /// <summary>Where the room is served.</summary>
    public const string Path = "/chat";
    private const int MaxNameLength = 24;
    private const int MaxTextLength = 500;

    /// <summary>Takes the name from <c>?name=</c> (else "guest-…") and tells the room.</summary>
    public override Task ConnectAsync(WebSocketConnection ws)
    {
        var name = ws.Request.Query["name"].ToString().Trim();
        if (name.Length == 0) name = "guest-" + ws.Id[..4];
        ws.Items["name"] = name.Length > MaxNameLength ? name[..MaxNameLength] : name;
        return Tell(new ChatEvent("joined", Name(ws), null, hub.Count(Path)));
    }

    /// <summary>Relays a message to everyone, the sender included (its echo confirms delivery).</summary>
    public override Task HandleMessageAsync(WebSocketConnection ws, string message)
    {
        var text = message.Trim();
        if (text.Length == 0) return Task.CompletedTask;
        if (text.Length > MaxTextLength)
            return ws.SendJsonAsync(new ChatEvent("error", null, $"Messages are limited to {MaxTextLength} characters", hub.Count(Path)));
        return Tell(new ChatEvent("message", Name(ws), text, hub.Count(Path)));
    }

    /// <summary>Tells the room who left.</summary>
    public override Task DisconnectAsync(WebSocketConnection ws) => Tell(new ChatEvent("left", Name(ws), null, hub.Count(Path)));

    private Task Tell(ChatEvent chatEvent) => hub.BroadcastAsync(Path, chatEvent.ToJson());

    private static string Name(WebSocketConnection ws) => (string)ws.Items["name"]!;
}

/// <summary>What the room sends: a kind (joined, message, left, error), who, what, and how many are in.</summary>
public sealed record ChatEvent(string Kind, string? From, string? Text, int People)
{
    /// <summary>The event as the page reads it: <c>{"kind":"message","from":"ada","text":"hi","people":2}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ChatJson.Default.ChatEvent);
}

/// <summary>
/// The room's JSON, generated at compile time (System.Text.Json's source generator): no reflection, so the example
/// also runs as a Native AOT binary.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChatEvent))]
internal sealed partial class ChatJson : JsonSerializerContext;
