using Hug.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Pipeline;

/// <summary>
/// A parameter is a service exactly when the container can give it, decided once and the same on every
/// interface and in the docs; the API's WebSocket hub and ASP.NET Core results work on the command line too.
/// </summary>
public sealed class ServicesTests
{
    /// <summary>A concrete class: JSON-shaped, so without the container it would be read from the request.</summary>
    public sealed class Greeter
    {
        public string Prefix { get; set; } = "Hello";
    }

    public static class Greetings
    {
        [Get, Cli, SocketCall]
        public static string Greet(Greeter greeter, string name) => $"{greeter.Prefix}, {name}";

        [Cli]
        public static int Listeners(IWebSocketHub hub) => hub.Count("/chat");

        [Get, Cli]
        public static IResult Find(int id) => id == 1 ? Results.Ok(new { id, name = "ann" }) : Results.NotFound($"no user {id}");
    }

    private static HugApi Api()
    {
        var api = new HugApi().AddType(typeof(Greetings));
        api.Services.AddSingleton(new Greeter { Prefix = "Hi" });
        return api;
    }

    [Fact]
    public async Task ARegisteredClassIsAServiceOnEveryInterfaceAndAnInputNowhere()
    {
        var api = Api();
        var (exit, output, error) = await CliRun.RunAsync(api, "greet", "ann");
        Assert.Equal((0, "Hi, ann\n", ""), (exit, output, error));
        var (_, help, _) = await CliRun.RunAsync(Api(), "greet", "--help");
        Assert.DoesNotContain("greeter", help, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Hi, ann", await api.Local.CallAsync<string>("greet", new { name = "ann" }));

        await using var server = await HugServer.StartAsync(Api());
        Assert.Equal("\"Hi, ann\"", await server.Client.GetStringAsync("/greet?name=ann"));
        var (_, docs) = await server.GetJsonAsync("/");
        var inputs = docs.GetProperty("handlers").GetProperty("/greet").GetProperty("GET").GetProperty("inputs");
        Assert.Equal(["name"], inputs.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheHubResolvesOnTheCommandLineWithNoConnections() =>
        Assert.Equal((0, "0\n"), (await CliRun.RunAsync(Api(), "listeners")) is var run ? (run.Exit, run.Output) : default);

    [Fact]
    public async Task AnAspNetCoreResultOnTheCommandLinePrintsItsValueAndFailsOnAnErrorStatus()
    {
        var found = await CliRun.RunAsync(Api(), "find", "1");
        Assert.Equal(0, found.Exit);
        Assert.Contains("\"name\": \"ann\"", found.Output);
        var missing = await CliRun.RunAsync(Api(), "find", "7");
        Assert.Equal((1, "", "404 Not Found\nno user 7\n"), (missing.Exit, missing.Output, missing.Error));
    }
}
