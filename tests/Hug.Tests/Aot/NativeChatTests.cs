using System.Net.WebSockets;
using System.Text.Json;
using Hug.Tests.Support;
using Xunit.Abstractions;

namespace Hug.Tests.Aot;

/// <summary>examples/Chat as a Native AOT binary (issue 17): the room over a WebSocket, HTTP announcements, calls at /calls.</summary>
[Collection("Native AOT")]
public sealed class NativeChatTests(ITestOutputHelper output)
{
    [NativeFact]
    public async Task TheRoomWorksAsUnderTheJit()
    {
        var binary = await NativeApp.BinaryAsync("Chat", output);
        await using var server = ExampleProcess.StartNative(binary, null, "serve", "--host", "127.0.0.1", "--port", "0");
        var address = await server.WaitForAddressAsync();

        using var ada = await SocketClient.ConnectAsync(address, "/chat?name=ada");
        var joined = JsonDocument.Parse((await SocketClient.ReceiveAsync(ada)).Text!).RootElement;
        Assert.Equal(("joined", "ada", 1), (joined.GetProperty("kind").GetString(), joined.GetProperty("from").GetString(), joined.GetProperty("people").GetInt32()));
        await SocketClient.SendAsync(ada, "hello");
        Assert.Equal("hello", JsonDocument.Parse((await SocketClient.ReceiveAsync(ada)).Text!).RootElement.GetProperty("text").GetString());

        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal("1", await http.GetStringAsync("/people"));
        using (var announced = await http.PostAsync("/announce?text=closing%20soon", null)) Assert.Equal("1", await announced.Content.ReadAsStringAsync());
        Assert.Equal("closing soon", JsonDocument.Parse((await SocketClient.ReceiveAsync(ada)).Text!).RootElement.GetProperty("text").GetString());
        using (var empty = await http.PostAsync("/announce?text=", null)) Assert.Equal(400, (int)empty.StatusCode);

        using var calls = await SocketClient.ConnectAsync(address, "/calls");
        await SocketClient.SendAsync(calls, "{\"id\":1,\"call\":\"people\"}");
        Assert.Equal("{\"id\":1,\"result\":1}", (await SocketClient.ReceiveAsync(calls)).Text);
        await SocketClient.SendAsync(calls, "{\"id\":2,\"call\":\"nope\"}");
        Assert.Equal("{\"id\":2,\"status\":404,\"errors\":{\"call\":[\"Unknown call 'nope'\"]}}", (await SocketClient.ReceiveAsync(calls)).Text);
        await ada.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        // The session store is in the native binary (the generator includes it: Room's methods take HugSession).
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = address };
        using (var remembered = await browser.PostAsync("/me?name=ada", null)) Assert.Equal("\"ada\"", await remembered.Content.ReadAsStringAsync());
        Assert.Equal("\"ada\"", await browser.GetStringAsync("/me"));
    }
}
