using System.Net.Sockets;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// The fast part of the reliability suite (issue 21): a few thousand mutated requests, from a fixed seed, against a real
/// Kestrel over loopback. None may be answered with a 5xx, and the server answers a normal request afterwards.
/// Bounded in count and in time (a request the server waits on, such as a short body, is given up after a second).
/// The longer run is benchmarks/reliability.sh.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>2,000 in CI; benchmarks/reliability.sh runs more through HUG_FUZZ_REQUESTS.</summary>
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("HUG_FUZZ_REQUESTS"), out var count) ? count : 2_000;

    /// <summary>HUG_FUZZ_DEBUG=1 (with ASPNETCORE_ENVIRONMENT=Development for the exception) prints each 5xx answer.</summary>
    private static readonly bool Debug = Environment.GetEnvironmentVariable("HUG_FUZZ_DEBUG") is not null;

    private static readonly string[] Seeds =
    [
        "GET /add?number_1=1&number_2=2 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /add HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len}\r\n\r\n{\"number_1\":1,\"number_2\":2}",
        "POST /add HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {len}\r\n\r\nnumber_1=1&number_2=2",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {len}\r\n\r\nhello",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"text\":\"hello\"}\r\n0\r\n\r\n",
        "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {len}\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc\r\n--b--\r\n",
        "POST /person HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len}\r\n\r\n{\"name\":\"Ann\",\"age\":30,\"tags\":[\"a\",\"b\"]}",
        "GET /list?items=1&items=2&items=x HTTP/1.1\r\nHost: x\r\n\r\n",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-16", "text/plain; charset=utf-7", "text/plain; charset=nonsense",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "application/problem+json",
        "application/xml", ";;;", "application/json; charset=\"", "text/plain",
    ];

    private static readonly byte[][] Junk =
    [
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0x00], "\\ud800"u8.ToArray(), "1e999999"u8.ToArray(), "-0"u8.ToArray(),
        "99999999999999999999999999"u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray(), "\"\""u8.ToArray(), "null"u8.ToArray(),
        "NaN"u8.ToArray(), "%zz"u8.ToArray(), "%00"u8.ToArray(), "\r\n"u8.ToArray(), "\r\n0\r\n\r\n"u8.ToArray(), "FFFFFFFFFFFFFFFFFFFF\r\n"u8.ToArray(),
    ];

    [Fact]
    public async Task MutatedRequestsGetNo5xxAndTheServerKeepsServing()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(BadBodyTests.Bodies)).AddType(typeof(FuzzApi)));
        var address = server.Client.BaseAddress!;
        var random = new Random(2026_12_01);
        var failures = new List<string>();
        var answered = 0;
        var sent = 0;
        var fives = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(90, Requests / 20));
        for (var i = 0; i < Requests && DateTime.UtcNow < deadline; i++)
        {
            var request = Mutate(Seeds[random.Next(Seeds.Length)], random);
            var status = await SendAsync(address, request);
            sent++;
            if (status is null) continue;
            answered++;
            if (status >= 500) fives++;
            if (status >= 500 && failures.Count < 5) failures.Add($"{status} for {Encoding.Latin1.GetString(request).Replace("\r\n", "⏎")}");
        }
        if (Environment.GetEnvironmentVariable("HUG_FUZZ_REPORT") is { } report)
            File.WriteAllText(report, $"sent {sent} answered {answered} 5xx {fives}; peak RSS of the test process (server and client) "
                + $"{System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB\n");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(answered > Requests / 2, $"only {answered} of {Requests} mutated requests were answered");
        Assert.Equal("3", await server.Client.GetStringAsync("/add?number_1=1&number_2=2"));
    }

    /// <summary>One to three mutations of a seed: bytes flipped, junk inserted, the body cut, the content type swapped, headers added.</summary>
    private static byte[] Mutate(string seed, Random random)
    {
        var split = seed.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var head = seed[..split];
        var body = Encoding.UTF8.GetBytes(seed[split..]).ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            switch (random.Next(6))
            {
                case 0 when body.Count > 0:
                    body[random.Next(body.Count)] = (byte)random.Next(256);
                    break;
                case 1:
                    body.InsertRange(random.Next(body.Count + 1), Junk[random.Next(Junk.Length)]);
                    break;
                case 2 when body.Count > 1:
                    var at = random.Next(body.Count);
                    body.RemoveRange(at, 1 + random.Next(Math.Min(8, body.Count - at)));
                    break;
                case 3 when head.Contains("Content-Type: "):
                    var start = head.IndexOf("Content-Type: ", StringComparison.Ordinal) + 14;
                    head = head[..start] + ContentTypes[random.Next(ContentTypes.Length)] + head[head.IndexOf("\r\n", start, StringComparison.Ordinal)..];
                    break;
                case 4:
                    var query = head.IndexOf('?');
                    if (query > 0) head = head[..(query + 1)] + Encoding.Latin1.GetString(Junk[random.Next(Junk.Length)]).Replace("\r\n", "") + head[(query + 1)..];
                    break;
                default:
                    head = head[..^2] + (random.Next(3) switch { 0 => "Accept: */*;q=x\r\n", 1 => "X-Api-Version: -1\r\n", _ => "Accept-Charset: utf-7\r\n" }) + "\r\n";
                    break;
            }
        }
        head = head.Replace("{len}", body.Count.ToString());
        return [.. Encoding.Latin1.GetBytes(head), .. body];
    }

    /// <summary>The status the server answered, or null when it gave no answer within a second (it waits for more body).</summary>
    private static async Task<int?> SendAsync(Uri address, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var buffer = new byte[Debug ? 8192 : 64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var line = Encoding.ASCII.GetString(buffer, 0, read);
            if (Debug && line.StartsWith("HTTP/1.1 5", StringComparison.Ordinal)) Console.Error.WriteLine("FUZZ " + line);
            return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(9, 3), out var status) ? status : null;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
        {
            return null;
        }
    }

    public static class FuzzApi
    {
        public sealed record Someone(string Name, [property: System.ComponentModel.DataAnnotations.Range(0, 150)] int Age, string[] Tags);

        [Post]
        public static string Person(Someone person) => person.Name;

        [Get]
        public static int List(int[] items) => items.Length;
    }
}
