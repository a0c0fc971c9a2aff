using System.Net.WebSockets;
using System.Text;
using Hug.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Hug.Tests.Redis;

/// <summary>Two instances of one API sharing WebSocket broadcasts through a real redis-server (issue 23).</summary>
public sealed class RedisBackplaneTests
{
    /// <summary>A room: a message is broadcast to everyone but its sender; "join:NAME" joins a group.</summary>
    [WebSocket("/room")]
    public sealed class Room(IWebSocketHub hub) : WebSocketEndpoint
    {
        public override Task HandleMessageAsync(WebSocketConnection ws, string message)
        {
            if (message.StartsWith("join:", StringComparison.Ordinal))
            {
                ws.Join(message[5..]);
                return ws.SendAsync("joined");
            }
            return hub.BroadcastAsync("/room", message, except: ws);
        }
    }

    public static class Announcements
    {
        /// <summary>Tells the room, or a group of it, from HTTP; returns how many connections this instance has.</summary>
        [Post("/announce")]
        public static async Task<int> Announce(string text, IWebSocketHub hub, string? group = null)
        {
            await hub.BroadcastAsync("/room", text, group);
            return hub.Count("/room");
        }
    }

    private static HugApi Instance(string redis, CollectedLogs logs) => Instance(redis)
        .ConfigureWebBuilder(builder => builder.Logging.AddProvider(logs));

    private static HugApi Instance(string redis) => new HugApi().AddType(typeof(Room)).AddType(typeof(Announcements)).AddType(typeof(Sessions.SessionTests.Visits))
        .UseRedis(redis)
        .ConfigureWebApp(app => Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions.MapHealthChecks(app, "/health-redis"));

    [RedisFact]
    public async Task ABroadcastOnOneInstanceReachesTheConnectionsOfTheOther()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await HugServer.StartAsync(Instance(redis.Configuration));
        await using var b = await HugServer.StartAsync(Instance(redis.Configuration));
        await WaitForAsync(async () => await Healthy(a) && await Healthy(b));

        using var onA = await ConnectAsync(a);
        using var onB = await ConnectAsync(b);
        using var groupOnA = await ConnectAsync(a);
        await SendAsync(groupOnA, "join:night");
        Assert.Equal("joined", await ReceiveAsync(groupOnA));

        // Announced over HTTP on B: A's connections get it; B counts only its own.
        var count = await b.Client.PostAsync("/announce?text=hello", null);
        Assert.Equal("1", await count.Content.ReadAsStringAsync());
        Assert.Equal("hello", await ReceiveAsync(onA));
        Assert.Equal("hello", await ReceiveAsync(groupOnA));
        Assert.Equal("hello", await ReceiveAsync(onB));

        // A group broadcast from B reaches the member on A only.
        await b.Client.PostAsync("/announce?text=night-only&group=night", null);
        Assert.Equal("night-only", await ReceiveAsync(groupOnA));

        // All but the sender: sent on A, the others on A and B get it, the sender does not.
        await SendAsync(onA, "from-a");
        Assert.Equal("from-a", await ReceiveAsync(onB));
        Assert.Equal("from-a", await ReceiveAsync(groupOnA));
        await b.Client.PostAsync("/announce?text=after", null);
        Assert.Equal("after", await ReceiveAsync(onA)); // the next message the sender sees: not its own "from-a", not "night-only"
    }

    [RedisFact]
    public async Task WithRedisDownEachInstanceKeepsServingLocallyAndFanOutResumesWhenItIsBack()
    {
        await using var redis = await RedisServer.StartAsync();
        var logs = new CollectedLogs("Hug.Redis", Microsoft.Extensions.Logging.LogLevel.Information);
        await using var a = await HugServer.StartAsync(Instance(redis.Configuration));
        await using var b = await HugServer.StartAsync(Instance(redis.Configuration, logs));
        await WaitForAsync(async () => await Healthy(a) && await Healthy(b));
        using var onA = await ConnectAsync(a);
        using var onB = await ConnectAsync(b);

        await redis.StopAsync();
        await WaitForAsync(async () => !await Healthy(a) && !await Healthy(b));
        var started = DateTime.UtcNow;
        var answer = await b.Client.PostAsync("/announce?text=local", null);
        Assert.True(answer.IsSuccessStatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "a broadcast waited for Redis");
        Assert.Equal("local", await ReceiveAsync(onB));
        Assert.Contains("Degraded", await a.Client.GetStringAsync("/health-redis"));
        for (var i = 0; i < 5; i++) await b.Client.PostAsync("/announce?text=more", null);
        for (var i = 0; i < 5; i++) Assert.Equal("more", await ReceiveAsync(onB));
        // One warning for the outage, however many broadcasts it cost.
        Assert.Single(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);

        await redis.StartAgainAsync();
        await WaitForAsync(async () => await Healthy(a) && await Healthy(b));
        await b.Client.PostAsync("/announce?text=back", null);
        Assert.Equal("back", await ReceiveAsync(onA)); // "local" never reached A: the next it sees is "back"
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Redis is back", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task ASessionSetThroughOneInstanceIsReadThroughTheOtherAndRedisDownFailsNoCall()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = await HugServer.StartAsync(Instance(redis.Configuration));
        await using var b = await HugServer.StartAsync(Instance(redis.Configuration));
        await WaitForAsync(async () => await Healthy(a) && await Healthy(b));
        var cookies = new System.Net.CookieContainer();
        using var viaA = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = a.Client.BaseAddress };
        using var viaB = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = b.Client.BaseAddress };
        Assert.Equal("1", await viaA.GetStringAsync("/visit"));
        Assert.Equal("2", await viaB.GetStringAsync("/visit"));
        Assert.Equal("3", await viaA.GetStringAsync("/visit"));

        await redis.StopAsync();
        await WaitForAsync(async () => !await Healthy(a));
        var started = DateTime.UtcNow;
        Assert.Equal("1", await viaA.GetStringAsync("/visit")); // an empty session, not kept: the call is served
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "a session load waited for Redis");
    }

    private static async Task<bool> Healthy(HugServer server) => await server.Client.GetStringAsync("/health-redis") == "Healthy";

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 30 s");
            await Task.Delay(100);
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(HugServer server)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.SocketAddress("/room"), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
