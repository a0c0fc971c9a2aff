using System.ComponentModel.DataAnnotations;
using System.Net;
using Hug.Tests.Http;
using Hug.Tests.Support;

namespace Hug.Tests.Use;

/// <summary>A method exposed only in process (hug's <c>@hug.local()</c>), and an HTTP endpoint that calls it.</summary>
public static class LocalOnlyApi
{
    /// <summary>Adds two numbers, for this process only.</summary>
    [Local, Requires("trusted", Interfaces = HugInterfaces.Local)]
    public static string LocalAdd([Range(0, 100)] int a, int b, HugInterfaces via) => $"{a + b} via {via}";

    /// <summary>The sum, computed by the local-only method.</summary>
    [Get("/sum"), Cli]
    public static Task<string> Sum(int a, int b, CurrentApi api) => api.CallAsync<string>("local-add", new { a, b });

    /// <summary>Registers the requirement the local method has: a token from in-process callers; the API's own endpoints relay a request (its transport).</summary>
    public static HugApi Configure(HugApi api) =>
        api.AddRequirement("trusted", Requirement.From("a trusted caller", call => call.Credential("token") == "t" || call.Transport is not null, "Not trusted"));
}

public sealed class LocalOnlyTests
{
    private static HugApi Api(HugOptions? options = null) => LocalOnlyApi.Configure(new HugApi(options ?? new HugOptions()).AddType(typeof(LocalOnlyApi)));

    [Fact]
    public async Task ALocalMethodIsCalledInProcessWithItsValidationDirectivesAndRequirements()
    {
        var api = Api();
        var trusted = api.Local.WithCredentials(name => name == "token" ? "t" : null);
        Assert.Equal("5 via Local", await trusted.CallAsync<string>("local-add", new { a = 2, b = 3 }));
        var invalid = await Assert.ThrowsAsync<HugValidationException>(() => trusted.CallAsync("local-add", new { a = 200, b = 3 }));
        Assert.Contains("a", invalid.Errors.Keys);
        var refused = await Assert.ThrowsAsync<HugRequirementException>(() => api.Local.CallAsync("local-add", new { a = 2, b = 3 }));
        Assert.Equal(403, refused.Status);
        Assert.Equal("5 via Local", await trusted.CallAsync(LocalOnlyApi.LocalAdd, 2, 3, HugInterfaces.None)); // a typed call too
    }

    [Fact]
    public async Task ALocalMethodIsPublishedNowhereElseAndRemoteEndpointsReachItThroughCurrentApi()
    {
        var api = Api(new HugOptions { AllMethodsOverWebSocket = true });
        await using var server = await HugServer.StartAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/local-add?a=1&b=2")).StatusCode);
        Assert.Equal("\"3 via Local\"", await server.Client.GetStringAsync("/sum?a=1&b=2")); // its caller is remote, the call is Local
        var (_, docs) = await server.GetJsonAsync("/");
        Assert.DoesNotContain("local-add", docs.GetRawText());
        await using (var socket = server.ClientOf("WebSocket", api))
        {
            var answer = await socket.RequestAsync("sum", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 });
            Assert.Equal("3 via Local", answer.Data.GetString());
        }
        using (var raw = await SocketClient.ConnectAsync(server, "/calls"))
        {
            await SocketClient.SendAsync(raw, """{"id": 1, "call": "local-add", "args": {"a": 1, "b": 2}}""");
            var (unknown, _) = await SocketClient.ReceiveAsync(raw);
            Assert.Contains("404", unknown);
            Assert.Contains("local-add", unknown);
        }
        var (exit, _, error) = await CliRun.RunAsync(api, "local-add", "1", "2");
        Assert.Equal(2, exit);
        Assert.Contains("local-add", error);
        // A command has no transport to relay: the sibling refuses, and the command answers with that refusal (not a crash).
        (exit, _, error) = await CliRun.RunAsync(api, "sum", "1", "2");
        Assert.Equal((1, "Forbidden: Not trusted"), (exit, error.Trim()));
    }

    [Fact]
    public async Task ASiblingsInvalidInputIsTheCallersAnswerNotA500()
    {
        await using var server = await HugServer.StartAsync(Api());
        var (response, body) = await server.GetJsonAsync("/sum?a=200&b=2");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", JsonAssert.Error(body, "a"));
    }
}
