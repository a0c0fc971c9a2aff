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

    public static class Directives
    {
        [Get("/info", Versions = [1, 2]), Cli]
        public static string Info([ApiVersion] int? version, HugInterfaces via, CallContext call, HugApi api, ILogger<DirectivesCategory> logger) =>
            $"v{version?.ToString() ?? "none"} {via} {call.Endpoint} {api.Overview} logger:{logger is not null}";
    }

    public sealed class DirectivesCategory;
}
