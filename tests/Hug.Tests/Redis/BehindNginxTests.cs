using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Hug.Tests.Support;

namespace Hug.Tests.Redis;

/// <summary>
/// Two processes of examples/Chat behind a real nginx (the repository's docs/nginx/hug.conf) sharing a real Redis
/// (issue 23): a browser-like client on one instance hears what is announced on the other, a session set through one is
/// read through the other, and while Redis is down both keep answering, then fan-out resumes.
/// </summary>
public sealed class BehindNginxTests
{
    [RedisAndNginxFact]
    public async Task TwoInstancesShareTheRoomAndTheSessionsAndSurviveRedisGoingAway()
    {
        await using var redis = await RedisServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis.Configuration,
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        };
        await using var a = ExampleProcess.Start("Chat", environment, "serve", "--host", "127.0.0.1", "--port", "0");
        await using var b = ExampleProcess.Start("Chat", environment, "serve", "--host", "127.0.0.1", "--port", "0");
        await using var nginx = await NginxServer.StartAsync(await a.WaitForAddressAsync(), await b.WaitForAddressAsync());
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(10) };
        await EventuallyBothAsync(http, "/health", "Healthy");

        // A browser-like client in the room, on whichever instance nginx picks.
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(new Uri(nginx.Address.AbsoluteUri.Replace("http://", "ws://") + "chat?name=ann"), CancellationToken.None);
        Assert.Equal("joined", (await NextEventAsync(socket)).Kind);

        // Two announcements: round robin sends one to each instance (each answers how many it has: one 1, one 0), and
        // the client hears both.
        var counts = new[] { await AnnounceAsync(http, "one"), await AnnounceAsync(http, "two") };
        Assert.Equal([0, 1], counts.Order());
        Assert.Equal(["one", "two"], new[] { (await NextEventAsync(socket)).Text, (await NextEventAsync(socket)).Text }.Order());

        // A session set through one instance is read through both.
        Assert.Equal("\"ada\"", await (await http.PostAsync("/me?name=ada", null)).Content.ReadAsStringAsync());
        Assert.Equal(["\"ada\"", "\"ada\""], [await http.GetStringAsync("/me"), await http.GetStringAsync("/me")]);

        // Redis goes away: both keep answering at once (broadcasts stay local, sessions are empty), and say so.
        await redis.StopAsync();
        await EventuallyBothAsync(http, "/health", "Degraded");
        var outage = new[] { await AnnounceAsync(http, "three"), await AnnounceAsync(http, "four") };
        Assert.Equal([0, 1], outage.Order());
        var local = await NextEventAsync(socket); // only its own instance's announcement
        Assert.Contains(local.Text, new[] { "three", "four" });

        // Back: fan-out resumes.
        await redis.StartAgainAsync();
        await EventuallyBothAsync(http, "/health", "Healthy");
        await AnnounceAsync(http, "five");
        await AnnounceAsync(http, "six");
        Assert.Equal(["five", "six"], new[] { (await NextEventAsync(socket)).Text, (await NextEventAsync(socket)).Text }.Order());
    }

    private sealed record ChatEvent(string Kind, string? From, string? Text, int People);

    private static async Task<int> AnnounceAsync(HttpClient http, string text)
    {
        using var answer = await http.PostAsync($"/announce?text={text}", null);
        answer.EnsureSuccessStatusCode();
        return int.Parse(await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until two requests in a row (one per instance, round robin) answer <paramref name="expected"/>.</summary>
    private static async Task EventuallyBothAsync(HttpClient http, string url, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var inARow = 0;
        while (inARow < 2)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not answer {expected} on both instances within 30 s");
            inARow = await http.GetStringAsync(url) == expected ? inARow + 1 : 0;
            if (inARow < 2) await Task.Delay(50);
        }
    }

    private static async Task<ChatEvent> NextEventAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonSerializer.Deserialize<ChatEvent>(buffer.AsSpan(0, result.Count), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

/// <summary>A test that runs redis-server and nginx: skipped with how to install them where one is missing, except under <c>CI=true</c>.</summary>
public sealed class RedisAndNginxFactAttribute : FactAttribute
{
    public RedisAndNginxFactAttribute()
    {
        Skip = OutsidePrograms.SkipReason(RedisServer.Executable, "redis-server", RedisServer.HowToInstall)
            ?? OutsidePrograms.SkipReason(NginxServer.Executable, "nginx", NginxServer.HowToInstall);
    }
}
