using System.Net.WebSockets;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// Clients that stop reading (issue 21, findings 1 and 2): each holds a bounded queue and a bounded number of
/// calls, is aborted when its queue stays full past the send timeout, and never holds up the others.
/// Real Kestrel, real ClientWebSockets over loopback; waits are bounded, never timed assertions of speed.
/// </summary>
public sealed class SlowClientTests
{
    private static readonly string Payload = new('x', 64 * 1024);

    [Theory]
    [InlineData(4, 1024 * 1024)] // the count bound: 4 answers of 64 KiB
    [InlineData(1024, 256 * 1024)] // the byte bound: 256 KiB of answers, long before 1,024 of them
    public async Task ACallsClientThatNeverReadsRunsBoundedCallsAndIsAbortedWhileOthersAreServed(int queue, long buffer)
    {
        Bounded.Reset();
        var limits = Limits();
        limits.WebSocketSendQueue = queue;
        limits.WebSocketSendBuffer = buffer;
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(Bounded)), limits);
        using var flooder = await SocketClient.ConnectAsync(server, "/calls");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // 4 KiB per call, 80 MB in all: more than the socket buffers hold, so the sends finish only if the server reads on.
        var call = Encoding.UTF8.GetBytes("{\"id\":1,\"call\":\"big\",\"args\":{\"pad\":\"" + new string('p', 4096) + "\"}}");
        // Sends as fast as the server reads; never receives. The server stops reading when its limits are reached.
        var flooding = Task.Run(async () =>
        {
            var sent = 0;
            try
            {
                while (sent < 20_000) { await flooder.SendAsync(call, WebSocketMessageType.Text, true, stop.Token); sent++; }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
            }
            return sent;
        });

        // Meanwhile another client is answered.
        using var other = await SocketClient.ConnectAsync(server, "/calls");
        await SocketClient.SendAsync(other, "{\"id\":7,\"call\":\"small\"}");
        Assert.Equal("{\"id\":7,\"result\":\"ok\"}", (await SocketClient.ReceiveAsync(other)).Text);

        // The flooder is cut off: its queue stayed full past the send timeout (1 s here), so the server aborted it.
        var sent = await flooding.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(sent < 20_000, "the server kept reading a client that never reads");
        // What it cost: the calls whose answers fit the socket buffers (about 60 of 64 KiB on Linux loopback), the queue
        // (4 answers either way) and the calls in flight. Without the byte bound the second case ran past 1,000 calls.
        Assert.InRange(Bounded.Started, 1, 250);
        await SocketClient.SendAsync(other, "{\"id\":8,\"call\":\"small\"}");
        Assert.Equal("{\"id\":8,\"result\":\"ok\"}", (await SocketClient.ReceiveAsync(other)).Text);
    }

    [Fact]
    public async Task AMemberThatStopsReadingIsCountedOutAndTheOthersKeepGettingBroadcasts()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(Bounded)).WebSocket<Room>("/room"), Limits());
        using var stuck = await SocketClient.ConnectAsync(server, "/room");
        using var reader = await SocketClient.ConnectAsync(server, "/room");
        await WaitForAsync(() => Room.Hub?.Count("/room") == 2);

        // Broadcasts of 64 KiB: the stuck member's socket buffers fill, then its queue (4 here): it is aborted.
        var received = 0;
        for (var i = 0; i < 200 && Room.Hub!.Count("/room") == 2; i++)
        {
            using var response = await server.Client.PostAsync("/announce", null);
            response.EnsureSuccessStatusCode();
            Assert.Equal(Payload, (await SocketClient.ReceiveAsync(reader)).Text);
            received++;
        }
        await WaitForAsync(() => Room.Hub!.Count("/room") == 1);
        Assert.Equal(WebSocketState.Open, reader.State);

        // The room goes on: the reader gets every later broadcast, newcomers are handled.
        using var newcomer = await SocketClient.ConnectAsync(server, "/room");
        await WaitForAsync(() => Room.Hub!.Count("/room") == 2);
        using (var response = await server.Client.PostAsync("/announce", null)) response.EnsureSuccessStatusCode();
        Assert.Equal(Payload, (await SocketClient.ReceiveAsync(reader)).Text);
        Assert.Equal(Payload, (await SocketClient.ReceiveAsync(newcomer)).Text);
        Assert.True(received > 0);
    }

    [Fact]
    public async Task AConnectionQuietForLongerThanTheSendTimeoutIsStillAnswered()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(Bounded)), Limits());
        using var quiet = await SocketClient.ConnectAsync(server, "/calls");
        await SocketClient.SendAsync(quiet, "{\"id\":1,\"call\":\"small\"}");
        Assert.Equal("{\"id\":1,\"result\":\"ok\"}", (await SocketClient.ReceiveAsync(quiet)).Text);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the 1 s send timeout: the writer must not have given up
        await SocketClient.SendAsync(quiet, "{\"id\":2,\"call\":\"small\"}");
        Assert.Equal("{\"id\":2,\"result\":\"ok\"}", (await SocketClient.ReceiveAsync(quiet)).Text);
    }

    private static HugOptions Limits() => new()
    {
        WebSocketSendQueue = 4,
        WebSocketSendTimeout = TimeSpan.FromSeconds(1),
        WebSocketMaxCallsInFlight = 2,
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 20_000, "condition not met within 20 s");
            await Task.Delay(20);
        }
    }

    public static class Bounded
    {
        private static int started;

        public static int Started => Volatile.Read(ref started);

        public static void Reset() => Volatile.Write(ref started, 0);

        [SocketCall]
        public static string Big() => Interlocked.Increment(ref started) > 0 ? Payload : "";

        [SocketCall]
        public static string Small() => "ok";

        [Post("/announce")]
        public static Task Announce(IWebSocketHub hub) => hub.BroadcastAsync("/room", Payload);
    }

    public sealed class Room(IWebSocketHub hub) : WebSocketEndpoint
    {
        public static IWebSocketHub? Hub;

        public override Task ConnectAsync(WebSocketConnection connection)
        {
            Hub = hub;
            return Task.CompletedTask;
        }
    }
}
