using System.ComponentModel.DataAnnotations;
using Hug;

/// <summary>The chat room's page and what HTTP can see and say in it</summary>
public static class Room
{
    /// <summary>The chat page (a small HTML page talking to the /chat WebSocket)</summary>
    [Get("/")]
    public static FileInfo Page() => new(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html"));

    /// <summary>The name this browser chats under, remembered in its session (empty when none)</summary>
    [Get("/me"), SocketCall]
    public static string Me(HugSession session) => session["name"] ?? "";

    /// <summary>Remembers the name this browser chats under, in its session</summary>
    [Post("/me"), SocketCall]
    public static string Remember([StringLength(24, MinimumLength = 1)] string name, HugSession session) => session["name"] = name.Trim();

    /// <summary>How many people are in the room</summary>
    [Get("/people"), SocketCall]
    public static int People(IWebSocketHub hub) => hub.Count(ChatRoom.Path);

    /// <summary>Tells everyone in the room something, from the server; returns how many heard it</summary>
    [Post("/announce"), SocketCall]
    public static async Task<int> Announce([StringLength(500, MinimumLength = 1)] string text, IWebSocketHub hub)
    {
        await hub.BroadcastAsync(ChatRoom.Path, new ChatEvent("message", "server", text, hub.Count(ChatRoom.Path)).ToJson());
        return hub.Count(ChatRoom.Path);
    }
}
