using Hug.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Hug.Tests.Auth;

/// <summary>Built-in directives: filled by the framework, never inputs.</summary>
public sealed class DirectiveTests
{
    [Fact]
    public async Task HttpDirectives()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(Directives)));
        Assert.Equal("\"v2 Http Directives.Info Hug.Tests logger:True\"", await server.Client.GetStringAsync("/v2/info"));
        var (_, docs) = await server.GetJsonAsync("/");
        Assert.False(docs.GetProperty("handlers").GetProperty("/info").GetProperty("GET").TryGetProperty("inputs", out _));
    }

    [Fact]
    public async Task CliDirectives()
    {
        var (exit, output, _) = await CliRun.RunAsync(new HugApi(new HugOptions { Overview = "Hug.Tests" }).AddType(typeof(Directives)), "info");
        Assert.Equal((0, "vnone Cli Directives.Info Hug.Tests logger:True\n"), (exit, output));
    }

    [Fact]
    public async Task CurrentApiCallsSiblingsAtTheCallersVersion()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(Siblings)).AddType(typeof(EchoV1)).AddType(typeof(EchoV2)));
        Assert.Equal("6", await server.Client.GetStringAsync("/twice?n=3"));
        Assert.Equal("\"a,b\"", await server.Client.GetStringAsync("/bad"));
        Assert.Equal("\"v1:x\"", await server.Client.GetStringAsync("/v1/call-echo"));
        Assert.Equal("\"v2:x\"", await server.Client.GetStringAsync("/v2/call-echo"));
        Assert.Equal("6", await server.Client.GetStringAsync("/v1/docs"));
    }

    [Fact]
    public async Task CurrentApiAndDocumentationOnTheCommandLine()
    {
        var api = new HugApi().AddType(typeof(Siblings)).AddType(typeof(EchoV1)).AddType(typeof(EchoV2));
        Assert.Equal("10\n", (await CliRun.RunAsync(api, "twice", "5")).Output);
        api = new HugApi().AddType(typeof(Siblings)).AddType(typeof(EchoV1)).AddType(typeof(EchoV2));
        Assert.Equal("6\n", (await CliRun.RunAsync(api, "docs")).Output);
    }

    public static class Siblings
    {
        [Get("/add")]
        public static int Add(int a, int b) => a + b;

        [Get("/twice"), Cli]
        public static Task<int> Twice(int n, CurrentApi api) => api.CallAsync<int>("add", new { a = n, b = n });

        [Get("/bad")]
        public static async Task<string> Bad(CurrentApi api)
        {
            try
            {
                await api.CallAsync<int>("add", new { a = "x" });
                return "bound";
            }
            catch (HugValidationException exception)
            {
                return string.Join(",", exception.Errors.Keys.Order());
            }
        }

        [Get("/call-echo")]
        public static Task<string> CallEcho(CurrentApi api) => api.CallAsync<string>("echo", new Dictionary<string, object?> { ["text"] = "x" });

        [Get("/docs"), Cli]
        public static int Docs([Documentation] System.Text.Json.Nodes.JsonObject docs) => docs["handlers"]!.AsObject().Count;
    }

    public static class EchoV1
    {
        [Get("/echo", Versions = [1])]
        public static string Echo(string text) => "v1:" + text;
    }

    public static class EchoV2
    {
        [Get("/echo", Versions = [2])]
        public static string Echo(string text) => "v2:" + text;
    }

    public static class Directives
    {
        [Get("/info", Versions = [1, 2]), Cli]
        public static string Info([ApiVersion] int? version, HugInterfaces via, CallContext call, HugApi api, ILogger<DirectivesCategory> logger) =>
            $"v{version?.ToString() ?? "none"} {via} {call.Endpoint} {api.Overview} logger:{logger is not null}";
    }

    public sealed class DirectivesCategory;
}
