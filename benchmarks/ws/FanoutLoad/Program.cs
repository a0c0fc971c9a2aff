// Cross-instance broadcast fan-out load: connections spread over two instances (A, B, A, B, …); the first S of them
// send, each keeping W broadcasts in flight; a broadcast is done when every connection (both instances) has it.
// Runs for a fixed time after a warm-up. Prints: deliveries deliveries_per_s broadcasts_per_s p50_us p99_us errors
//   dotnet FanoutLoad.dll hug|signalr ws://127.0.0.1:9201/fan ws://127.0.0.1:9202/fan [connections=64] [senders=4]
//                         [window=8] [seconds=10] [warmup=3] [bytes=64]
// SignalR is spoken by hand over a plain WebSocket (JSON protocol, no negotiate), so both sides have the same client.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

var signalR = args[0] == "signalr";
Uri[] instances = [new(args[1]), new(args[2])];
var connections = args.Length > 3 ? int.Parse(args[3]) : 64;
var senders = args.Length > 4 ? int.Parse(args[4]) : 4;
var window = args.Length > 5 ? int.Parse(args[5]) : 8;
var seconds = args.Length > 6 ? double.Parse(args[6]) : 10;
var warmup = args.Length > 7 ? double.Parse(args[7]) : 3;
var size = args.Length > 8 ? int.Parse(args[8]) : 64;
const char RecordSeparator = '\u001e';

var sockets = new ClientWebSocket[connections];
for (var i = 0; i < connections; i++)
{
    var socket = sockets[i] = new ClientWebSocket();
    await socket.ConnectAsync(instances[i % 2], CancellationToken.None);
    if (signalR)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        var handshake = new byte[256];
        await socket.ReceiveAsync(handshake, CancellationToken.None); // {}\x1e
    }
}

var measuring = 0; // 0 warm-up, 1 measured window, 2 stop
var errors = 0;
var pending = new ConcurrentDictionary<long, Pending>();
var latencies = new List<long>[connections];
var deliveries = new long[connections];
long broadcasts = 0, nextId = 0;

var receivers = sockets.Select((socket, n) => Task.Run(async () =>
{
    var buffer = new byte[64 * 1024];
    var mine = latencies[n] = new List<long>(1 << 18);
    while (socket.State == WebSocketState.Open)
    {
        int length = 0;
        ValueWebSocketReceiveResult received;
        try
        {
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                length += received.Count;
            } while (!received.EndOfMessage);
        }
        catch (Exception)
        {
            return;
        }
        if (received.MessageType == WebSocketMessageType.Close) return;
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        foreach (var payload in Payloads(text))
        {
            var parts = payload.Split(':', 3);
            var id = long.Parse(parts[0]);
            if (Volatile.Read(ref measuring) == 1)
            {
                deliveries[n]++;
                mine.Add(Stopwatch.GetTimestamp() - long.Parse(parts[1]));
            }
            if (pending.TryGetValue(id, out var broadcast) && Interlocked.Decrement(ref broadcast.Remaining) == 0)
                broadcast.Done.TrySetResult();
        }
    }
})).ToArray();

// A broadcast's text: "id:timestamp:padding" (Hug: the frame itself; SignalR: the argument of a Send invocation).
IEnumerable<string> Payloads(string text)
{
    if (!signalR)
    {
        yield return text;
        yield break;
    }
    foreach (var record in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
    {
        var at = record.IndexOf("\"arguments\":[\"", StringComparison.Ordinal);
        if (!record.Contains("\"type\":1") || at < 0) continue; // pings and the like
        var start = at + 14;
        yield return record[start..record.IndexOf('"', start)];
    }
}

string Message(long id)
{
    var payload = $"{id}:{Stopwatch.GetTimestamp()}:";
    payload += new string('x', Math.Max(0, size - payload.Length));
    return signalR ? "{\"type\":1,\"target\":\"Send\",\"arguments\":[\"" + payload + "\"]}" + RecordSeparator : payload;
}

var sendLocks = sockets.Take(senders).Select(_ => new SemaphoreSlim(1)).ToArray();
var workers = Enumerable.Range(0, senders * window).Select(w => Task.Run(async () =>
{
    var sender = w % senders;
    while (Volatile.Read(ref measuring) < 2)
    {
        var id = Interlocked.Increment(ref nextId);
        var broadcast = pending[id] = new Pending(connections);
        await sendLocks[sender].WaitAsync();
        try
        {
            await sockets[sender].SendAsync(Encoding.UTF8.GetBytes(Message(id)), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLocks[sender].Release();
        }
        if (await Task.WhenAny(broadcast.Done.Task, Task.Delay(5000)) != broadcast.Done.Task) Interlocked.Increment(ref errors);
        else if (Volatile.Read(ref measuring) == 1) Interlocked.Increment(ref broadcasts);
        pending.TryRemove(id, out _);
    }
})).ToArray();

await Task.Delay(TimeSpan.FromSeconds(warmup));
Console.Error.WriteLine("measuring"); // the harness reads the servers' CPU time at this line
Volatile.Write(ref measuring, 1);
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var elapsed = clock.Elapsed.TotalSeconds;
var delivered = deliveries.Sum();
var completed = Interlocked.Read(ref broadcasts);
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
Console.WriteLine($"{delivered} {delivered / elapsed:F0} {completed / elapsed:F0} {Percentile(0.50):F0} {Percentile(0.99):F0} {errors}");

/// <summary>A broadcast in flight: how many connections have yet to receive it.</summary>
sealed class Pending(int connections)
{
    public int Remaining = connections;
    public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
