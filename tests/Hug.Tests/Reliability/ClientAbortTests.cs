using System.Net.Sockets;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// Clients that reset the connection mid-body (issue 21, finding 5): examples/Chat as a real process logs nothing of
/// Hug's at error level for them (it logged an error with a stack trace each time), and keeps serving. Kestrel itself
/// may log "automatic draining of the request body failed" (event 67) for such a client: the Minimal API does too.
/// </summary>
public sealed class ClientAbortTests
{
    [Fact]
    public async Task AClientResettingMidBodyIsNoErrorAndTheServerKeepsServing()
    {
        await using var example = ExampleProcess.Serve("Chat");
        var address = await example.WaitForAddressAsync();
        for (var i = 0; i < 20; i++)
        {
            using var client = new TcpClient { LingerState = new LingerOption(true, 0) }; // close = RST
            await client.ConnectAsync(address.Host, address.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "POST /announce HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"text\":\"half"));
            await stream.FlushAsync();
            await Task.Delay(20); // the server is reading the body now
            client.Close();
        }
        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal("0", await http.GetStringAsync("/people"));
        await Task.Delay(200); // let the log catch up
        Assert.DoesNotContain("fail: Hug", example.Output + example.Error);
    }
}
