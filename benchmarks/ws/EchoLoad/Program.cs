// WebSocket echo load: N connections, each sending a text message and awaiting its echo, in a loop,
// for a fixed time (after a warm-up). Prints: round_trips rps p50_us p99_us errors
//   dotnet EchoLoad.dll ws://127.0.0.1:9104/echo [connections=32] [seconds=10] [warmup=2] [bytes=32]
using System.Diagnostics;
using System.Net.WebSockets;

var url = new Uri(args[0]);
var connections = args.Length > 1 ? int.Parse(args[1]) : 32;
var seconds = args.Length > 2 ? double.Parse(args[2]) : 10;
var warmup = args.Length > 3 ? double.Parse(args[3]) : 2;
var size = args.Length > 4 ? int.Parse(args[4]) : 32;

var message = new byte[size];
for (var i = 0; i < size; i++) message[i] = (byte)('a' + i % 26);
var sockets = new List<ClientWebSocket>();
for (var i = 0; i < connections; i++)
{
    var socket = new ClientWebSocket();
    await socket.ConnectAsync(url, CancellationToken.None);
    sockets.Add(socket);
}

var measuring = 0;          // 0 warm-up, 1 measured window, 2 stop
var errors = 0;
var latencies = new List<long>[connections];
var counts = new long[connections];
var workers = sockets.Select((socket, n) => Task.Run(async () =>
{
    var buffer = new byte[size + 1024];
    var mine = latencies[n] = new List<long>(1 << 16);
    while (Volatile.Read(ref measuring) < 2)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                length += received.Count;
            } while (!received.EndOfMessage);
            if (received.MessageType != WebSocketMessageType.Text || length != size) throw new InvalidOperationException("wrong echo");
        }
        catch (Exception) when (Volatile.Read(ref measuring) < 2)
        {
            Interlocked.Increment(ref errors);
            return;
        }
        if (Volatile.Read(ref measuring) == 1)
        {
            counts[n]++;
            mine.Add(Stopwatch.GetTimestamp() - start);
        }
    }
})).ToArray();

await Task.Delay(TimeSpan.FromSeconds(warmup));
Console.Error.WriteLine("measuring"); // the harness reads the server's CPU time at this line
Volatile.Write(ref measuring, 1);
var window = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var elapsed = window.Elapsed.TotalSeconds;
var total = counts.Sum();
Volatile.Write(ref measuring, 2);
Console.Error.WriteLine("done");
await Task.WhenAll(workers);
foreach (var socket in sockets)
{
    try
    {
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, new CancellationTokenSource(2000).Token);
    }
    catch (Exception)
    {
    }
}

var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1e6 / Stopwatch.Frequency;
Console.WriteLine($"{total} {total / elapsed:F0} {Percentile(0.50):F0} {Percentile(0.99):F0} {errors}");
