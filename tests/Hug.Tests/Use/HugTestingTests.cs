extern alias AdditionExample;
using Hug.Testing;
using Addition = AdditionExample::Addition;

namespace Hug.Tests.Use;

/// <summary>Hug.Testing against the examples: the in-process host with its clients, and the command-line runner.</summary>
public sealed class HugTestingTests
{
    #region README: Testing
    [Fact]
    public async Task AdditionInProcess()
    {
        var api = HugApi.FromAssembly(typeof(Addition).Assembly);
        await using var host = await HugTestHost.StartAsync(api);

        Assert.Equal(3, await host.Client.CallAsync(Addition.Add, 1, 2));
        var invalid = await host.Client.RequestAsync("add", new Dictionary<string, object?> { ["number_1"] = "x", ["number_2"] = 2 });
        Assert.Equal(["Invalid whole number provided"], invalid.Errors["number_1"]);

        var command = await HugCommandLineRunner.RunAsync(api, "add", "1", "2");
        Assert.Equal((0, "3"), (command.ExitCode, command.Output.Trim()));
    }
    #endregion

    [Fact]
    public async Task TheHostServesWebSocketCallsWithCredentials()
    {
        var api = HugApi.FromAssembly(typeof(Accounts).Assembly);
        Accounts.Configure(api);
        api.Options.AllMethodsOverWebSocket = true;
        await using var host = await HugTestHost.StartAsync(api);
        await using var socket = host.CreateWebSocketClient();
        var refused = await Assert.ThrowsAsync<HugRequirementException>(() => socket.CallAsync(Accounts.Hello, ""));
        Assert.Equal(401, refused.Status);
        Assert.Equal("Hello, ann", await socket.WithCredentials(HugCredentials.Basic("ann", "s3cret")).CallAsync(Accounts.Hello, ""));
        Assert.Equal("Hello, ann", await host.Client.WithCredentials(HugCredentials.Basic("ann", "s3cret")).CallAsync(Accounts.Hello, ""));
        using var http = host.CreateHttpClient();
        Assert.Equal("\"pong\"", await http.GetStringAsync("/ping"));
    }

    [Fact]
    public async Task TheRunnerReportsUsageErrorsAsTheProcessDoes()
    {
        var api = HugApi.FromAssembly(typeof(Addition).Assembly);
        var invalid = await HugCommandLineRunner.RunAsync(api, "add", "x", "2");
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("Invalid whole number provided", invalid.Error);
        Assert.Equal("", invalid.Output);
    }
}
