using System.Net;
using System.Text.Json.Nodes;
using Hug.Tests.Support;

namespace Hug.Tests.Sessions;

/// <summary>The session directive (issue 23): a cookie names it, a distributed cache keeps it; HTTP and WebSocket calls share it.</summary>
public sealed class SessionTests
{
    public static class Visits
    {
        /// <summary>Counts the caller's visits</summary>
        [Get("/visit"), Cli, SocketCall]
        public static int Visit(HugSession session)
        {
            var visits = int.Parse(session["visits"] ?? "0") + 1;
            session["visits"] = visits.ToString();
            return visits;
        }

        /// <summary>Logs the caller in: a new session id for the same values</summary>
        [Post("/login")]
        public static string Login(string name, HugSession session)
        {
            session["name"] = name;
            session.Renew();
            return session.Id;
        }

        /// <summary>Who the session says the caller is</summary>
        [Get("/who")]
        public static string Who(HugSession session) => session["name"] ?? "nobody";

        /// <summary>Forgets the caller</summary>
        [Post("/logout")]
        public static bool Logout(HugSession session)
        {
            session.Clear();
            return true;
        }
    }

    /// <summary>A WebSocket endpoint reading and saving the connection's session.</summary>
    [WebSocket("/greeter")]
    public sealed class Greeter : WebSocketEndpoint
    {
        public override async Task HandleMessageAsync(WebSocketConnection ws, string message)
        {
            var session = await ws.ReadSessionAsync();
            if (message.StartsWith("name:", StringComparison.Ordinal))
            {
                session["name"] = message[5..];
                await ws.SaveSessionAsync(session);
                await ws.SendAsync("saved");
                return;
            }
            await ws.SendAsync($"hello {session["name"] ?? "stranger"}, visit {session["visits"] ?? "0"}");
        }
    }

    public static HugApi Api() => new HugApi().AddType(typeof(Visits)).AddType(typeof(Greeter));

    private static HttpClient WithCookies(HugServer server, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.Client.BaseAddress };

    [Fact]
    public async Task ACookieNamesTheSessionAndTheValuesStay()
    {
        await using var server = await HugServer.StartAsync(Api());
        var cookies = new CookieContainer();
        using var client = WithCookies(server, cookies);
        using var first = await client.GetAsync("/visit");
        Assert.Equal("1", await first.Content.ReadAsStringAsync());
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^hug_session=[0-9a-f]{32}; path=/; samesite=lax; httponly$", setCookie);
        Assert.Equal("2", await client.GetStringAsync("/visit"));
        Assert.Equal("3", await client.GetStringAsync("/visit"));
        using var second = await client.GetAsync("/visit");
        Assert.False(second.Headers.Contains("Set-Cookie")); // set once

        // Another client (no cookie, or a forged one) starts its own.
        using var cookieless = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Client.BaseAddress };
        Assert.Equal("1", await cookieless.GetStringAsync("/visit"));
        Assert.Equal("1", await cookieless.GetStringAsync("/visit"));
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/visit") { Headers = { { "Cookie", "hug_session=../../etc" } } };
        Assert.Equal("1", await (await cookieless.SendAsync(forged)).Content.ReadAsStringAsync());

        await client.PostAsync("/logout", null);
        Assert.Equal("1", await client.GetStringAsync("/visit"));
    }

    /// <summary>
    /// Session fixation (issue 35, point 5): an attacker plants a well-formed id the server never issued in a victim's
    /// browser; it used to become the victim's session, readable by the attacker with the same cookie.
    /// </summary>
    [Fact]
    public async Task AnIdTheServerDidNotIssueIsNoSession()
    {
        await using var server = await HugServer.StartAsync(Api());
        const string planted = "0123456789abcdef0123456789abcdef";
        using var noCookies = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Client.BaseAddress };
        using var victim = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("name", "victim")]),
            Headers = { { "Cookie", $"hug_session={planted}" } } };
        using var loggedIn = await noCookies.SendAsync(victim);
        var issued = Assert.Single(loggedIn.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain(planted, issued); // the victim gets an id of the server's
        using var attacker = new HttpRequestMessage(HttpMethod.Get, "/who") { Headers = { { "Cookie", $"hug_session={planted}" } } };
        Assert.Equal("\"nobody\"", await (await noCookies.SendAsync(attacker)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RenewGivesANewIdWithTheSameValuesAndTheOldOneOpensNothing()
    {
        await using var server = await HugServer.StartAsync(Api());
        var cookies = new CookieContainer();
        using var client = WithCookies(server, cookies);
        Assert.Equal("1", await client.GetStringAsync("/visit"));
        var before = cookies.GetCookies(server.Client.BaseAddress!)["hug_session"]!.Value;
        using var login = await client.PostAsync("/login", new FormUrlEncodedContent([new("name", "ann")]));
        var after = cookies.GetCookies(server.Client.BaseAddress!)["hug_session"]!.Value;
        Assert.NotEqual(before, after);
        Assert.Equal("\"ann\"", await client.GetStringAsync("/who"));
        Assert.Equal("2", await client.GetStringAsync("/visit")); // the values came along
        using var noCookies = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Client.BaseAddress };
        using var old = new HttpRequestMessage(HttpMethod.Get, "/who") { Headers = { { "Cookie", $"hug_session={before}" } } };
        Assert.Equal("\"nobody\"", await (await noCookies.SendAsync(old)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoSessionCookiesAreNeitherTaken()
    {
        await using var server = await HugServer.StartAsync(Api());
        var cookies = new CookieContainer();
        using var client = WithCookies(server, cookies);
        await client.PostAsync("/login", new FormUrlEncodedContent([new("name", "ann")]));
        var id = cookies.GetCookies(server.Client.BaseAddress!)["hug_session"]!.Value;
        using var noCookies = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Client.BaseAddress };
        using var both = new HttpRequestMessage(HttpMethod.Get, "/who") { Headers = { { "Cookie", $"hug_session={id}; hug_session={HugSessionIds.Other(id)}" } } };
        Assert.Equal("\"nobody\"", await (await noCookies.SendAsync(both)).Content.ReadAsStringAsync());
        using var one = new HttpRequestMessage(HttpMethod.Get, "/who") { Headers = { { "Cookie", $"theme=dark; hug_session={id}" } } };
        Assert.Equal("\"ann\"", await (await noCookies.SendAsync(one)).Content.ReadAsStringAsync());
    }

    private static class HugSessionIds
    {
        public static string Other(string id) => new([.. id.Reverse()]);
    }

    [Fact]
    public async Task AWebSocketCallSeesTheSessionItsUpgradeRequestsCookieNames()
    {
        await using var server = await HugServer.StartAsync(Api());
        var cookies = new CookieContainer();
        using var client = WithCookies(server, cookies);
        Assert.Equal("1", await client.GetStringAsync("/visit"));
        using var socket = await SocketClient.ConnectAsync(server, "/calls", options => options.Cookies = cookies);
        await SocketClient.SendAsync(socket, """{"id": 1, "call": "visit"}""");
        var (answer, _) = await SocketClient.ReceiveAsync(socket);
        Assert.Equal(2, JsonNode.Parse(answer!)!["result"]!.GetValue<int>());
        Assert.Equal("3", await client.GetStringAsync("/visit")); // the call's change was saved
    }

    [Fact]
    public async Task AWebSocketEndpointReadsAndSavesItsConnectionsSession()
    {
        await using var server = await HugServer.StartAsync(Api());
        var cookies = new CookieContainer();
        using var client = WithCookies(server, cookies);
        Assert.Equal("1", await client.GetStringAsync("/visit"));
        using var socket = await SocketClient.ConnectAsync(server, "/greeter", options => options.Cookies = cookies);
        Assert.Equal("hello stranger, visit 1", await SayAsync(socket, "hi"));
        Assert.Equal("saved", await SayAsync(socket, "name:ann"));
        Assert.Equal("2", await client.GetStringAsync("/visit")); // an HTTP call in between
        Assert.Equal("hello ann, visit 2", await SayAsync(socket, "hi"));

        // Without a cookie nothing can be kept: no id a client holds.
        using var anonymous = await SocketClient.ConnectAsync(server, "/greeter");
        Assert.Equal("saved", await SayAsync(anonymous, "name:bob"));
        Assert.Equal("hello stranger, visit 0", await SayAsync(anonymous, "hi"));
    }

    private static async Task<string> SayAsync(System.Net.WebSockets.ClientWebSocket socket, string text)
    {
        await SocketClient.SendAsync(socket, text);
        return (await SocketClient.ReceiveAsync(socket)).Text!;
    }

    [Fact]
    public async Task OnTheCommandLineASessionLastsTheCall()
    {
        Assert.Equal((0, "1\n", ""), await CliRun.RunAsync(Api(), "visit"));
        Assert.Equal((0, "1\n", ""), await CliRun.RunAsync(Api(), "visit"));
    }
}
