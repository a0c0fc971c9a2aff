using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Hug.Tests.Support;
using Xunit.Abstractions;

namespace Hug.Tests.Reliability;

/// <summary>
/// Findings 1 and 2 as a real process under a GC heap limit: examples/Chat with 128 MiB of heap, two <c>/calls</c>
/// clients that flood (announcements, and calls of no such name) and never read, and a chat member that never reads.
/// Before the bounds the same kind of load grew the server past 1 GiB in 20 s (under a 256 MiB limit it died in about
/// 15 s) and froze the room. Here the server lives, its memory stays bounded, and a normal member and HTTP clients
/// keep being served. Counts and waits are bounded; nothing asserts speed.
/// </summary>
public sealed class HeapLimitTests(ITestOutputHelper output)
{
    private const long PeakBound = 512L * 1024 * 1024;

    [Fact]
    public async Task UnderAHeapLimitClientsThatNeverReadCostBoundedMemoryAndTheRoomGoesOn()
    {
        await using var chat = ExampleProcess.Start("Chat", new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" },
            "serve", "--host", "127.0.0.1", "--port", "0");
        var address = await chat.WaitForAddressAsync();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };

        using var stuck = await SocketClient.ConnectAsync(address, "/chat?name=stuck"); // never reads
        using var reader = await SocketClient.ConnectAsync(address, "/chat?name=reader");
        var heard = new ConcurrentDictionary<string, bool>();
        using var stopReading = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var reading = Task.Run(() => ReadAllAsync(reader, heard, stopReading.Token));

        using var flood = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // Each answer carries the call's 2 KiB id (or name) back: 200 MB of answers each, far past what socket buffers hold.
        var pad = new string('p', 2048);
        var asking = FloodAsync(address, i => $"{{\"id\":\"{i}-{pad}\",\"call\":\"people\"}}", 100_000, flood.Token);
        var unknown = FloodAsync(address, i => $"{{\"id\":{i},\"call\":\"no-such-call-{pad}\"}}", 100_000, flood.Token);
        // Announcements at 2,000 a second, 500 characters each: what fills the stuck member's buffers and queue. (A flood
        // of broadcasts faster than members can read gets the readers counted out too: rate limiting an anonymous
        // broadcast call is the application's, with ASP.NET Core's rate limiter.)
        var announcing = AnnounceAsync(address, new string('a', 480), flood.Token);

        // While they flood, HTTP announcements are answered and reach the member who reads.
        for (var k = 0; k < 8; k++)
        {
            await Task.Delay(500);
            using var response = await http.PostAsJsonAsync("/announce", new { text = $"check-{k}" });
            Assert.True(response.IsSuccessStatusCode, $"announcement {k}: {(int)response.StatusCode}");
        }
        var sent = await Task.WhenAll(asking, unknown, announcing);
        for (var waited = 0; heard.Count < 8; waited += 50)
        {
            Assert.True(waited < 30_000, $"the reading member heard {heard.Count} of 8 announcements: {string.Join(',', heard.Keys)}");
            Assert.False(reading.IsCompleted, $"the reading member's connection ended ({reading.Exception?.InnerException?.Message}, heard {heard.Count}): {chat.Output}{chat.Error}");
            await Task.Delay(50);
        }

        Assert.False(chat.Process.HasExited, $"the server died: {chat.Error}");
        Assert.Contains(await http.GetStringAsync("/people"), new[] { "2", "1" }); // the reader, and the stuck member until it is counted out
        chat.Process.Refresh();
        Assert.True(chat.Process.PeakWorkingSet64 < PeakBound,
            $"peak resident memory {chat.Process.PeakWorkingSet64 / 1024 / 1024} MiB after {sent[0]} calls, {sent[1]} unknown calls, {sent[2]} announcements");
        Assert.True(sent[0] > 0 && sent[1] > 0 && sent[2] > 0);
        output.WriteLine($"peak RSS {chat.Process.PeakWorkingSet64 / 1024 / 1024} MiB; sent {sent[0]} calls never read, {sent[1]} unknown calls, "
            + $"{sent[2]} announcements; {await http.GetStringAsync("/people")} in the room; {chat.Output.Split('\n').Count(l => l.Contains("stopped reading"))} counted out");
        stopReading.Cancel();
    }

    /// <summary>Sends up to <paramref name="count"/> calls as fast as the server takes them, never reading; returns how many went.</summary>
    private static async Task<int> FloodAsync(Uri address, Func<int, string> call, int count, CancellationToken stop)
    {
        using var socket = await SocketClient.ConnectAsync(address, "/calls");
        var sent = 0;
        try
        {
            while (sent < count)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(call(sent)), WebSocketMessageType.Text, true, stop);
                sent++;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // back-pressure past the deadline, or the server cut this client off: both are the bounds at work
        }
        socket.Abort();
        return sent;
    }

    /// <summary>Announces over <c>/calls</c> at a steady 2,000 a second, reading the answers; returns how many it sent.</summary>
    private static async Task<int> AnnounceAsync(Uri address, string text, CancellationToken stop)
    {
        using var socket = await SocketClient.ConnectAsync(address, "/calls");
        var draining = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open) await socket.ReceiveAsync(buffer, CancellationToken.None);
        });
        var sent = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 20; i++, sent++)
                    await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"id\":{sent},\"call\":\"announce\",\"args\":{{\"text\":\"{text}\"}}}}"),
                        WebSocketMessageType.Text, true, stop);
                await Task.Delay(10, stop);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
        }
        socket.Abort();
        await draining.ContinueWith(_ => { }, TaskScheduler.Default);
        return sent;
    }

    private static async Task ReadAllAsync(ClientWebSocket socket, ConcurrentDictionary<string, bool> heard, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (!stop.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, stop);
            if (result.MessageType == WebSocketMessageType.Close) return;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            var at = text.IndexOf("check-", StringComparison.Ordinal);
            if (at >= 0) heard[text.Substring(at, 7)] = true;
        }
    }
}
