using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hug.Tests.Support;

namespace Hug.Tests.WebSockets;

/// <summary>Methods called as WebSocket messages, with HTTP's binding and messages.</summary>
public sealed class SocketCallTests : IAsyncLifetime
{
    private HugServer server = null!;
    private ClientWebSocket socket = null!;

    public async Task InitializeAsync()
    {
        server = await HugServer.StartAsync(new HugApi().AddType(typeof(Calls)));
        socket = await SocketClient.ConnectAsync(server, "/calls");
    }

    public async Task DisposeAsync()
    {
        socket.Dispose();
        await server.DisposeAsync();
    }

    private Task Send(string json) => SocketClient.SendAsync(socket, json);

    private async Task<JsonElement> Receive() => JsonDocument.Parse((await SocketClient.ReceiveAsync(socket)).Text!).RootElement.Clone();

    [Fact]
    public async Task CallReturnsItsResultWithTheId()
    {
        await Send("""{"id": 1, "call": "add", "args": {"number_1": 1, "number_2": 2}}""");
        var reply = await Receive();
        Assert.Equal(1, reply.GetProperty("id").GetInt32());
        Assert.Equal(3, reply.GetProperty("result").GetInt32());
    }

    [Fact]
    public async Task ErrorsUseTheHttpMessages()
    {
        await Send("""{"id": "a", "call": "add", "args": {"number_1": "x"}}""");
        var reply = await Receive();
        Assert.Equal("a", reply.GetProperty("id").GetString());
        Assert.Equal("Invalid whole number provided", reply.GetProperty("errors").GetProperty("number_1")[0].GetString());
        Assert.Equal("Required parameter 'number_2' not supplied", reply.GetProperty("errors").GetProperty("number_2")[0].GetString());
        await Send("""{"id": 2, "call": "secret"}""");
        Assert.Equal("Unknown call 'secret'", (await Receive()).GetProperty("errors").GetProperty("call")[0].GetString());
        await Send("""{"id": 3,""");
        Assert.StartsWith("Malformed JSON", (await Receive()).GetProperty("errors").GetProperty("message")[0].GetString());
    }

    /// <summary>Issue 35, points 4 and 9: fields of the wrong kind were a 500 and an error log; a binary message got no answer.</summary>
    [Theory]
    [InlineData("""{"id": 4, "call": "add", "version": "x", "args": {"number_1": 1, "number_2": 2}}""", "version")]
    [InlineData("""{"id": 4, "call": "add", "version": 1.5, "args": {"number_1": 1, "number_2": 2}}""", "version")]
    [InlineData("""{"id": 4, "call": "add", "version": 99999999999, "args": {"number_1": 1, "number_2": 2}}""", "version")]
    [InlineData("""{"id": 4, "call": "add", "args": [1, 2]}""", "args")]
    [InlineData("""{"id": 4, "call": "add", "args": "number_1=1"}""", "args")]
    public async Task AMalformedFieldIsA400NamingIt(string message, string field)
    {
        await Send(message);
        var reply = await Receive();
        Assert.Equal((4, 400), (reply.GetProperty("id").GetInt32(), reply.GetProperty("status").GetInt32()));
        Assert.True(reply.GetProperty("errors").TryGetProperty(field, out _), reply.GetRawText());
        await Send("""{"id": 5, "call": "add", "version": null, "args": {"number_1": 1, "number_2": 2}}""");
        Assert.Equal(3, (await Receive()).GetProperty("result").GetInt32()); // the connection goes on
    }

    [Fact]
    public async Task ABinaryMessageIsAnsweredNotDropped()
    {
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var reply = await Receive();
        Assert.Equal(400, reply.GetProperty("status").GetInt32());
        Assert.Contains("text messages", reply.GetProperty("errors").GetProperty("message")[0].GetString());
    }

    [Fact]
    public async Task CallsRunConcurrentlyAndRepliesCarryTheirIds()
    {
        await Send("""{"id": "slow", "call": "wait", "args": {"milliseconds": 500}}""");
        await Send("""{"id": "fast", "call": "wait", "args": {"milliseconds": 0}}""");
        var firstReply = await Receive();
        Assert.True(firstReply.GetProperty("id").GetString() == "fast", firstReply.ToString());
        Assert.Equal("slow", (await Receive()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task StreamsArriveAsItemsThenDone()
    {
        await Send("""{"id": 9, "call": "count", "args": {"to": 3}}""");
        var first = await Receive();
        Assert.True(first.TryGetProperty("item", out _), first.ToString());
        for (var i = 2; i <= 3; i++) Assert.Equal(i, (await Receive()).GetProperty("item").GetInt32());
        Assert.True((await Receive()).GetProperty("done").GetBoolean());
    }

    public static class Calls
    {
        [Get, SocketCall]
        public static int Add(int number_1, int number_2) => number_1 + number_2;

        [Get]
        public static string Secret() => "not over the socket";

        [SocketCall]
        public static async Task<int> Wait(int milliseconds)
        {
            await Task.Delay(milliseconds);
            return milliseconds;
        }

        [SocketCall]
        public static async IAsyncEnumerable<int> Count(int to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 1; i <= to; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }
}
