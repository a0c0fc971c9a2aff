using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// Close frames reach the client (issue 21, finding 7): a raw WebSocket client that only reads (no close reply) gets
/// 1007 for invalid UTF-8 and 1009 for a message over the limit, every time, not a connection reset.
/// </summary>
public sealed class CloseFrameTests
{
    [Fact]
    public async Task AClientThatOnlyReadsGetsTheCloseCodeNotAReset()
    {
        await using var server = await HugServer.StartAsync(api => api.WebSocket<Quiet>("/quiet"), new HugOptions { WebSocketMaxMessageSize = 1024 });
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1007, await CloseCodeAsync(server, [0xC3, 0x28]));
            Assert.Equal(1009, await CloseCodeAsync(server, Encoding.ASCII.GetBytes(new string('x', 4096))));
        }
    }

    /// <summary>Upgrades, sends one masked text frame, then reads frames until the server's close: its code (-1 for a reset or EOF).</summary>
    private static async Task<int> CloseCodeAsync(HugServer server, byte[] payload)
    {
        using var client = new TcpClient();
        var address = server.Client.BaseAddress!;
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /quiet HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<byte>();
        var buffer = new byte[8192];
        int read;
        while (!Encoding.ASCII.GetString([.. received]).Contains("\r\n\r\n"))
        {
            read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) return -1;
            received.AddRange(buffer.AsSpan(0, read));
        }
        var text = Encoding.ASCII.GetString([.. received]);
        received.RemoveRange(0, text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4);
        var mask = RandomNumberGenerator.GetBytes(4);
        var header = payload.Length < 126 ? new byte[] { 0x81, (byte)(0x80 | payload.Length) } : [0x81, 0x80 | 126, (byte)(payload.Length >> 8), (byte)payload.Length];
        byte[] frame = [.. header, .. mask, .. payload.Select((b, i) => (byte)(b ^ mask[i % 4]))];
        await stream.WriteAsync(frame);
        try
        {
            while (true)
            {
                for (var at = 0; at + 2 <= received.Count;)
                {
                    int opcode = received[at] & 0x0F, length = received[at + 1] & 0x7F, head = 2;
                    if (length == 126) { if (at + 4 > received.Count) break; length = received[at + 2] << 8 | received[at + 3]; head = 4; }
                    if (at + head + length > received.Count) break;
                    if (opcode == 8) return received[at + head] << 8 | received[at + head + 1];
                    at += head + length;
                }
                read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0) return -1;
                received.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            return -1;
        }
    }

    public sealed class Quiet : WebSocketEndpoint;
}
