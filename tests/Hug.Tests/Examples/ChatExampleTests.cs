using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Hug.Tests.Support;

namespace Hug.Tests.Examples;

/// <summary>examples/Chat as a real process: its page in headless Chromium, and the room over a ClientWebSocket.</summary>
public sealed class ChatExampleTests
{
    [ChromiumFact]
    public async Task AMessageTypedInOnePageAppearsInTheOther()
    {
        await using var example = ExampleProcess.Serve("Chat");
        var address = await example.WaitForAddressAsync();
        await using var browser = await HeadlessChromium.StartAsync();
        var ada = await browser.OpenAsync(new Uri(address, "/?name=ada"));
        var grace = await browser.OpenAsync(new Uri(address, "/?name=grace"));
        await ada.WaitForAsync("!document.getElementById('button').disabled");
        await grace.WaitForAsync("!document.getElementById('button').disabled");
        await ada.WaitForAsync("document.getElementById('log').innerText.includes('grace joined')");

        await ada.EvaluateAsync("""
            document.getElementById('text').value = 'hello <b>grace</b>';
            document.getElementById('button').click();
            """);

        await grace.WaitForAsync("[...document.querySelectorAll('#log li.message')].some(li => li.textContent === 'ada: hello <b>grace</b>')");
        await ada.WaitForAsync("[...document.querySelectorAll('#log li.message')].some(li => li.textContent === 'ada: hello <b>grace</b>')");
        Assert.Equal(0, (await grace.EvaluateAsync("document.querySelectorAll('#log b').length"))!.GetValue<int>()); // text, never markup
        Assert.Equal("2 people here", (await grace.EvaluateAsync("document.getElementById('status').textContent"))!.GetValue<string>());

        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal("2", await http.GetStringAsync("/people"));
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/announce?text=closing%20soon", null)).StatusCode);
        await grace.WaitForAsync("document.getElementById('log').innerText.includes('server: closing soon')");
    }

    [Fact]
    public async Task TheRoomOverAPlainWebSocket()
    {
        await using var example = ExampleProcess.Serve("Chat");
        var address = await example.WaitForAddressAsync();
        using var ada = await SocketClient.ConnectAsync(address, "/chat?name=ada");
        Assert.Equal(("joined", "ada", 1), Event(await Receive(ada)));
        using (var guest = await SocketClient.ConnectAsync(address, "/chat"))
        {
            var joined = JsonDocument.Parse(await Receive(ada)).RootElement;
            Assert.StartsWith("guest-", joined.GetProperty("from").GetString());
            await guest.SendAsync("  hi  "u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            Assert.Equal("hi", JsonDocument.Parse(await Receive(ada)).RootElement.GetProperty("text").GetString());
            Assert.Equal("joined", JsonDocument.Parse(await Receive(guest)).RootElement.GetProperty("kind").GetString());
            Assert.Equal("hi", JsonDocument.Parse(await Receive(guest)).RootElement.GetProperty("text").GetString()); // the sender's echo
            await guest.SendAsync(Enumerable.Repeat((byte)'x', 600).ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            Assert.Equal("error", JsonDocument.Parse(await Receive(guest)).RootElement.GetProperty("kind").GetString());
            await guest.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        Assert.Equal("left", JsonDocument.Parse(await Receive(ada)).RootElement.GetProperty("kind").GetString());
        using var http = new HttpClient { BaseAddress = address };
        var empty = await http.PostAsync("/announce?text=", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"text\"", await empty.Content.ReadAsStringAsync());
    }

    private static async Task<string> Receive(ClientWebSocket socket) => (await SocketClient.ReceiveAsync(socket)).Text ?? "(closed)";

    private static (string?, string?, int) Event(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return (root.GetProperty("kind").GetString(), root.GetProperty("from").GetString(), root.GetProperty("people").GetInt32());
    }
}
