using System.ComponentModel.DataAnnotations;
using Hug.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hug.Tests.Pipeline;

/// <summary>
/// One container, as ASP.NET Core has it (issue 33, point 3): a command gets configuration, logging and options as serve
/// does, scoped services live for the call, input is checked before services are resolved, and a service that cannot be
/// had is one message naming it on every interface.
/// </summary>
public sealed class CommandContainerTests
{
    /// <summary>A concrete service built from what a host gives (a logger, the configuration), as services usually are.</summary>
    public sealed class Store(ILogger<Store> logger, IConfiguration configuration)
    {
        public string Name => configuration["Store:Name"] ?? "unnamed";

        public ILogger Logger => logger;
    }

    /// <summary>A per-call service: a web host makes one per request; a command makes one per call.</summary>
    public sealed class PerCall
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    /// <summary>Options bound from configuration, as a web host's services bind them.</summary>
    public sealed class ShopOptions
    {
        public string Currency { get; set; } = "EUR";
    }

    /// <summary>Registered by no one.</summary>
    public interface IClock;

    /// <summary>Registered, but what it needs is not: it cannot be created.</summary>
    public sealed class Broken(IClock clock)
    {
        public IClock Clock => clock;
    }

    public static class Shop
    {
        [Get, Cli, SocketCall]
        public static string Name(Store store) => store.Name;

        [Get, Cli, SocketCall]
        public static string Label(Store store, [Required, StringLength(5)] string text) => $"{store.Name}: {text}";

        [Cli]
        public static bool Scoped(PerCall first, PerCall second) => first.Id == second.Id;

        [Cli]
        public static string Host(Microsoft.Extensions.Hosting.IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<ShopOptions> options) =>
            $"{environment.EnvironmentName} {options.Value.Currency}";

        [Get, Cli, SocketCall]
        public static string Lost(Broken broken, [Range(1, 9)] int count) => $"{count}";
    }

    private static HugApi Api()
    {
        var api = new HugApi().AddType(typeof(Shop));
        api.Services.AddSingleton<Store>();
        api.Services.AddScoped<PerCall>();
        api.Services.AddSingleton<Broken>();
        api.Services.AddOptions<ShopOptions>().Configure<IConfiguration>((options, configuration) => configuration.GetSection("Shop").Bind(options));
        return api;
    }

    /// <summary>A command run with one environment variable set (configuration a command reads, as serve reads it).</summary>
    private static async Task<(int Exit, string Output, string Error)> RunWith(string variable, string value, params string[] args)
    {
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            return await CliRun.RunAsync(Api(), args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    // Environment variables here; appsettings.json is read from the content root (the current directory), as serve reads
    // it: the Notes example's process test shows the file.
    [Fact]
    public async Task ACommandsServicesGetTheHostsConfiguration() =>
        Assert.Equal((0, "corner shop\n", ""), await RunWith("Store__Name", "corner shop", "name"));

    [Fact]
    public async Task ACommandGetsTheHostEnvironmentAndOptions() =>
        Assert.Equal((0, "Production CHF\n", ""), await RunWith("Shop__Currency", "CHF", "host"));

    [Fact]
    public async Task AScopedServiceIsOneInstanceForTheCall() =>
        Assert.Equal((0, "true\n", ""), await CliRun.RunAsync(Api(), "scoped"));

    [Fact]
    public async Task InvalidInputIsAnsweredBeforeAMissingService()
    {
        var (exit, _, error) = await CliRun.RunAsync(Api(), "lost", "0");
        Assert.Equal(2, exit);
        Assert.StartsWith("count: ", error);
        Assert.DoesNotContain("Broken", error);

        await using var server = await HugServer.StartAsync(Api());
        var (response, body) = await server.GetJsonAsync("/lost?count=0");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("1", JsonAssert.Error(body, "count"));
    }

    [Fact]
    public async Task AServiceThatCannotBeCreatedIsOneLineNamingItOnEveryInterface()
    {
        const string message = "Parameter 'broken': its service Broken could not be created: Unable to resolve service for type";
        var (exit, output, error) = await CliRun.RunAsync(Api(), "lost", "3");
        Assert.Equal((1, ""), (exit, output));
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);

        var local = await Assert.ThrowsAsync<InvalidOperationException>(() => Api().Local.CallAsync<string>("lost", new Dictionary<string, object?> { ["count"] = 3 }));
        Assert.Contains(message, local.Message);

        await using var server = await HugServer.StartAsync(Api());
        using var answer = await server.Client.GetAsync("/lost?count=3");
        Assert.Equal(500, (int)answer.StatusCode); // the server's set-up is wrong, not the request
        Assert.DoesNotContain("   at ", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ValidInputWithTheServiceRuns()
    {
        Assert.Equal((0, "unnamed: milk\n", ""), await CliRun.RunAsync(Api(), "label", "milk"));
        var (exit, _, error) = await CliRun.RunAsync(Api(), "label", "toolong");
        Assert.Equal(2, exit);
        Assert.StartsWith("text: ", error);
    }
}
