using System.Net;
using System.Net.WebSockets;
using Hug.Tests.Support;

namespace Hug.Tests.WebSockets;

/// <summary>WebSocket endpoints with a real ClientWebSocket against a real Kestrel.</summary>
public sealed class WebSocketTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        var api = new HugApi(new HugOptions { WebSocketMaxMessageSize = 1024 })
            .AddRequirement("token", Authentication.Bearer(token => token == "t" ? "user" : null))
            .AddType(typeof(Echo)).AddType(typeof(Room)).AddType(typeof(Guarded)).AddType(typeof(Announcer));
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<ClientWebSocket> Connect(string path, Action<ClientWebSocketOptions>? options = null) => SocketClient.ConnectAsync(server, path, options);

    private static Task<(string? Text, WebSocketReceiveResult Result)> Receive(ClientWebSocket socket) => SocketClient.ReceiveAsync(socket);

    private static Task Send(ClientWebSocket socket, string text, bool end = true) => SocketClient.SendAsync(socket, text, end);

    [Fact]
    public async Task Echoes()
    {
        using var socket = await Connect("/echo");
        await Send(socket, "hello");
        Assert.Equal("Received: hello", (await Receive(socket)).Text);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task ReassemblesFragments()
    {
        using var socket = await Connect("/echo");
        await Send(socket, "hel", end: false);
        await Send(socket, "lo, ", end: false);
        await Send(socket, "world");
        Assert.Equal("Received: hello, world", (await Receive(socket)).Text);
    }

    [Fact]
    public async Task TooBigCloses1009()
    {
        using var big = await Connect("/echo");
        await Send(big, new string('x', 2000));
        var (_, result) = await Receive(big);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, result.CloseStatus);
    }

    [Fact]
    public async Task BadUtf8EndsTheConnectionAndTheServerKeepsServing()
    {
        // .NET's server WebSocket checks UTF-8 itself: it sends 1007 and drops the connection, and the
        // drop can overtake the close frame, so the client sees either the 1007 or a reset.
        using var bad = await Connect("/echo");
        await bad.SendAsync(new byte[] { 0xC3, 0x28 }, WebSocketMessageType.Text, true, CancellationToken.None);
        try
        {
            var (text, result) = await Receive(bad);
            Assert.Null(text);
            Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, result.CloseStatus);
        }
        catch (WebSocketException)
        {
            Assert.NotEqual(WebSocketState.Open, bad.State);
        }
        using var next = await Connect("/echo");
        await Send(next, "still serving");
        Assert.Equal("Received: still serving", (await Receive(next)).Text);
    }

    [Fact]
    public async Task HandlerExceptionCloses1011AndOthersKeepWorking()
    {
        using var other = await Connect("/echo");
        using var failing = await Connect("/echo");
        await Send(failing, "throw");
        var (_, result) = await Receive(failing);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, result.CloseStatus);
        await Send(other, "still here");
        Assert.Equal("Received: still here", (await Receive(other)).Text);
    }

    [Fact]
    public async Task ConcurrentSendsNeverInterleave()
    {
        using var socket = await Connect("/echo");
        await Send(socket, "burst");
        var seen = new HashSet<string>();
        for (var i = 0; i < 100; i++) seen.Add((await Receive(socket)).Text!);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"message {i} {new string('z', 500)}").ToHashSet(), seen);
    }

    [Fact]
    public async Task DisconnectRunsOnceAlsoOnAbruptDisconnect()
    {
        // Counted for this connection only: other tests (IdleTimeoutTests, in parallel) disconnect from /echo too.
        var tag = Guid.NewGuid().ToString("N");
        var socket = await Connect("/echo");
        await Send(socket, "tag:" + tag);
        await Receive(socket);
        socket.Abort();
        socket.Dispose();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline && !Echo.DisconnectsByTag.ContainsKey(tag);) await Task.Delay(50);
        await Task.Delay(200);
        Assert.Equal(1, Echo.DisconnectsByTag.GetValueOrDefault(tag));
    }

    [Fact]
    public async Task BroadcastToAllGroupsAndAllButTheSender()
    {
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < 200; i++) sockets.Add(await Connect("/room"));
        try
        {
            await Send(sockets[0], "hi all");
            var received = await Task.WhenAll(sockets.Skip(1).Select(Receive));
            Assert.All(received, r => Assert.Equal("hi all", r.Text));

            await Send(sockets[1], "join:red");
            Assert.Equal("joined red", (await Receive(sockets[1])).Text);
            await Send(sockets[2], "to:red:only reds");
            Assert.Equal("only reds", (await Receive(sockets[1])).Text);

            var response = await server.Client.PostAsync("/announce?text=from-http", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("from-http", (await Receive(sockets[3])).Text);
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    [Fact]
    public async Task RequirementsAndOriginsAreCheckedBeforeTheUpgrade()
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => Connect("/guarded"));
        using var allowed = await Connect("/guarded", o => o.SetRequestHeader("Authorization", "Bearer t"));
        await Send(allowed, "who");
        Assert.Equal("user", (await Receive(allowed)).Text);
        var plain = await server.Client.GetAsync("/guarded");
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        Assert.Equal("Bearer realm=\"simple\"", plain.Headers.WwwAuthenticate.ToString());
        await Assert.ThrowsAsync<WebSocketException>(() => Connect("/room", o => o.SetRequestHeader("Origin", "https://evil.example")));
    }

    [Fact]
    public async Task PlainHttpGetsA400AndTheDocsListTheEndpoint()
    {
        var (response, body) = await HugServer.ReadAsync(await server.Client.GetAsync("/echo"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", JsonAssert.Error(body, "upgrade"));
        var (_, docs) = await server.GetJsonAsync("/");
        Assert.Equal("Echoes what it receives", docs.GetProperty("websockets").GetProperty("/echo").GetProperty("usage").GetString());
    }

    /// <summary>Echoes what it receives</summary>
    [WebSocket("/echo")]
    public sealed class Echo : WebSocketEndpoint
    {
        public static int Disconnects;
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> DisconnectsByTag = new();
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<WebSocketConnection, string> Tags = new();

        public override Task HandleMessageAsync(WebSocketConnection ws, string message) => message switch
        {
            _ when message.StartsWith("tag:") => Tagged(ws, message),
            "throw" => throw new InvalidOperationException("handler failed"),
            "burst" => Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => ws.SendAsync($"message {i} {new string('z', 500)}")))),
            _ => ws.SendAsync("Received: " + message),
        };

        public override Task DisconnectAsync(WebSocketConnection ws)
        {
            Interlocked.Increment(ref Disconnects);
            if (Tags.TryRemove(ws, out var tag)) DisconnectsByTag.AddOrUpdate(tag, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }

        private static Task Tagged(WebSocketConnection ws, string message)
        {
            Tags[ws] = message[4..];
            return ws.SendAsync("Received: " + message);
        }
    }

    [WebSocket("/room", AllowedOrigins = ["http://localhost"])]
    public sealed class Room(IWebSocketHub hub) : WebSocketEndpoint
    {
        public override Task HandleMessageAsync(WebSocketConnection ws, string message)
        {
            if (message.StartsWith("join:"))
            {
                ws.Join(message[5..]);
                return ws.SendAsync("joined " + message[5..]);
            }
            if (message.StartsWith("to:"))
            {
                var parts = message.Split(':', 3);
                return hub.BroadcastAsync("/room", parts[2], group: parts[1], except: ws);
            }
            return hub.BroadcastAsync("/room", message, except: ws);
        }
    }

    [WebSocket("/guarded"), Requires("token")]
    public sealed class Guarded : WebSocketEndpoint
    {
        public override Task HandleMessageAsync(WebSocketConnection ws, string message) => ws.SendAsync(ws.Items.TryGetValue("x", out _) ? "?" : "user");
    }

    public static class Announcer
    {
        [Post("/announce")]
        public static async Task<int> Announce(string text, IWebSocketHub hub)
        {
            await hub.BroadcastAsync("/room", text);
            return hub.Count("/room");
        }
    }
}
