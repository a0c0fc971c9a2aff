using System.Net.WebSockets;
using Hug.Tests.Support;

namespace Hug.Tests.WebSockets;

/// <summary>The idle timeout: a silent connection is closed with a close frame, not cut, and messages reset the clock.</summary>
public sealed class IdleTimeoutTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        var api = new HugApi(new HugOptions { WebSocketIdleTimeout = TimeSpan.FromMilliseconds(1500) })
            .AddType(typeof(WebSocketTests.Echo));
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ASilentConnectionGetsACloseFrameAndDisconnectRuns()
    {
        var before = Volatile.Read(ref WebSocketTests.Echo.Disconnects);
        using var socket = await SocketClient.ConnectAsync(server, "/echo");
        var (text, result) = await SocketClient.ReceiveAsync(socket);
        Assert.Null(text);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, result.CloseStatus);
        Assert.Equal("Idle timeout", result.CloseStatusDescription);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline && Volatile.Read(ref WebSocketTests.Echo.Disconnects) == before;) await Task.Delay(20);
        Assert.True(Volatile.Read(ref WebSocketTests.Echo.Disconnects) > before);
    }

    [Fact]
    public async Task MessagesKeepTheConnectionOpen()
    {
        using var socket = await SocketClient.ConnectAsync(server, "/echo");
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(200); // 10 x 200 ms outlasts the 1.5 s timeout only if each message restarts it
            await SocketClient.SendAsync(socket, $"still here {i}");
            Assert.Equal($"Received: still here {i}", (await SocketClient.ReceiveAsync(socket)).Text);
        }
        Assert.Equal(WebSocketState.Open, socket.State);
    }
}
