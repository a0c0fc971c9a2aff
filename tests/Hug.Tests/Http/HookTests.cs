using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Http;

/// <summary>Start-up handlers and custom not-found handlers.</summary>
public sealed class HookTests
{
    [Fact]
    public async Task StartupRunsOnceBeforeServing()
    {
        var runs = 0;
        var api = new HugApi().OnStartup(async (_, cancellationToken) =>
        {
            await Task.Delay(10, cancellationToken);
            Interlocked.Increment(ref runs);
        });
        api.Http.Get("/runs", () => Volatile.Read(ref runs));
        await using var server = await HugServer.StartAsync(api);
        Assert.Equal("1", await server.Client.GetStringAsync("/runs"));
        Assert.Equal("1", await server.Client.GetStringAsync("/runs"));
    }

    [Fact]
    public async Task StartupRunsBeforeACommand()
    {
        var opened = false;
        var api = new HugApi().OnStartup(_ => opened = true);
        api.Cli.Command("check", () => opened ? "open" : "closed");
        Assert.Equal("open\n", (await CliRun.RunAsync(api, "check")).Output);
    }

    [Fact]
    public async Task AnAsynchronousStartupFinishesBeforeASynchronousCommand()
    {
        var opened = false;
        var api = new HugApi().OnStartup(async (_, cancellationToken) =>
        {
            await Task.Delay(20, cancellationToken);
            opened = true;
        });
        api.Cli.Command("check", () => opened ? "open" : "closed");
        api.Cli.Command("boom", string () => throw new InvalidOperationException("no"));
        Assert.Equal("open\n", (await CliRun.RunAsync(api, "check")).Output);
        var failed = await CliRun.RunAsync(api, "boom");
        Assert.Equal(1, failed.Exit);
        Assert.EndsWith(" failed: no\n", failed.Error);
    }

    [Fact]
    public async Task NotFoundHandlersPerVersion()
    {
        var api = new HugApi()
            .OnNotFound(http => new ErrorResponse(404, new { missing = http.Request.Path.Value }))
            .OnNotFound(_ => new ErrorResponse(410, new { gone = "version 1 is retired" }), version: 1);
        api.Http.Versions(1, 2).Get("/here", () => 1);
        await using var server = await HugServer.StartAsync(api);
        var (response, body) = await server.GetJsonAsync("/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/nowhere", body.GetProperty("missing").GetString());
        (response, body) = await server.GetJsonAsync("/v1/nowhere");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("version 1 is retired", body.GetProperty("gone").GetString());
        (response, _) = await server.GetJsonAsync("/v2/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
