using Hug.Tests.Support;

namespace Hug.Tests.Routing;

public sealed class MountTests
{
    private static HugApi Billing()
    {
        var billing = new HugApi().AddRequirement("staff", Authentication.ApiKey(key => key == "staff" ? "staff" : null));
        billing.Http.Get("/invoices", () => new[] { 1, 2 }).Get("/", () => "billing home");
        billing.Cli.Command("invoices", () => new[] { 1, 2 });
        billing.AddType(typeof(Guarded));
        return billing;
    }

    [Fact]
    public async Task HttpRoutesUnderThePrefixWithTheirRequirements()
    {
        var api = new HugApi().Mount("/billing", Billing());
        api.Http.Get("/ping", () => "pong");
        await using var server = await HugServer.StartAsync(api);
        Assert.Equal("[1,2]", await server.Client.GetStringAsync("/billing/invoices"));
        Assert.Equal("\"billing home\"", await server.Client.GetStringAsync("/billing"));
        Assert.Equal("\"pong\"", await server.Client.GetStringAsync("/ping"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/billing/refund")).StatusCode);
        var (_, docs) = await server.GetJsonAsync("/");
        Assert.True(docs.GetProperty("handlers").TryGetProperty("/billing/invoices", out _));
    }

    [Fact]
    public async Task CommandsInAGroup()
    {
        var api = new HugApi().Mount("/billing", Billing(), cliGroup: "billing");
        Assert.Equal("[\n  1,\n  2\n]\n", (await CliRun.RunAsync(api, "billing", "invoices")).Output);
    }

    [Fact]
    public async Task TheMountedApiKeepsItsHandlersHooksAndSocketsUnderThePrefix()
    {
        var started = 0;
        var billing = new HugApi()
            .OnStartup(_ => Interlocked.Increment(ref started))
            .OnException<KeyNotFoundException>((exception, _) => new ErrorResponse(404, new { missing = exception.Message }))
            .OnNotFound(_ => new ErrorResponse(404, new { billing = "no such invoice route" }))
            .WebSocket<Echo>("/live");
        billing.Http.Get("/invoice", (int id) => id == 1 ? "paid" : throw new KeyNotFoundException($"invoice {id}"));
        var api = new HugApi().Mount("/billing", billing);
        api.Http.Get("/ping", () => "pong");
        billing.Http.Get("/late", () => "added after mounting"); // a mount is a reference until the API serves

        await using var server = await HugServer.StartAsync(api);
        Assert.Equal(1, started);
        Assert.Equal("\"paid\"", await server.Client.GetStringAsync("/billing/invoice?id=1"));
        var (missing, body) = await server.GetJsonAsync("/billing/invoice?id=7");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("invoice 7", body.GetProperty("missing").GetString());
        Assert.Equal("\"added after mounting\"", await server.Client.GetStringAsync("/billing/late"));

        var (unknown, notFound) = await server.GetJsonAsync("/billing/nothing");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no such invoice route", notFound.GetProperty("billing").GetString());
        var (_, documentation) = await server.GetJsonAsync("/nothing"); // outside the prefix: the mounting API's own 404
        Assert.True(documentation.TryGetProperty("documentation", out _));

        using var socket = await SocketClient.ConnectAsync(server, "/billing/live");
        await SocketClient.SendAsync(socket, "hello");
        Assert.Equal("Received: hello", (await SocketClient.ReceiveAsync(socket)).Text);
    }

    [Fact]
    public void AnApiCannotMountItself()
    {
        var api = new HugApi();
        Assert.Throws<HugConfigurationException>(() => api.Mount("/self", api));
    }

    public sealed class Echo : WebSocketEndpoint
    {
        public override Task HandleMessageAsync(WebSocketConnection ws, string message) => ws.SendAsync("Received: " + message);
    }

    [Fact]
    public void PrefixIsChecked() =>
        Assert.Throws<HugConfigurationException>(() => new HugApi().Mount("billing/", Billing()));

    public static class Guarded
    {
        [Get, Requires("staff")]
        public static string Refund() => "refunded";
    }
}
