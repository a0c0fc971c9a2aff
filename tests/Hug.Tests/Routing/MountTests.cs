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
    public void PrefixIsChecked() =>
        Assert.Throws<HugConfigurationException>(() => new HugApi().Mount("billing/", Billing()));

    public static class Guarded
    {
        [Get, Requires("staff")]
        public static string Refund() => "refunded";
    }
}
