using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Hug;

/// <summary>
/// The container of commands (and of Local calls in the program): the API's registrations on top of what a host gives,
/// as <c>serve</c>'s web host has it: configuration (<c>appsettings.json</c>, <c>appsettings.{Environment}.json</c>,
/// environment variables), logging, options, the host environment. One container whatever the interface: a service
/// taking <c>ILogger&lt;T&gt;</c>, <c>IConfiguration</c> or <c>IOptions&lt;T&gt;</c> works on a command as under <c>serve</c>.
/// Built only when the API registers services (a plain command pays nothing) and on the first call that asks for one.
/// Composed here rather than through <c>Host.CreateApplicationBuilder</c>, whose defaults a one-call process does not use
/// (a lifetime, hosted services, the debug and event-source loggers): measured below in benchmarks/RESULTS.md.
/// </summary>
internal static class CommandServices
{
    public static IServiceProvider Build(IServiceCollection registrations)
    {
        var root = Directory.GetCurrentDirectory();
        // ASP.NET Core's variable too, so a command and serve see the same environment.
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
            : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet : Environments.Production;
        var configuration = new ConfigurationBuilder()
            // Lowest source: a command's stderr carries warnings and errors unless configuration asks for more.
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" })
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();
        IServiceCollection services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new CommandEnvironment(environment, root));
        services.AddOptions();
        // Its stdout is the result alone, so the console logger writes to stderr.
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        foreach (var service in registrations) services.Add(service);
        var development = environment == Environments.Development;
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development });
    }

    /// <summary>The host environment a command runs in (what <c>IHostEnvironment</c> tells a service under serve).</summary>
    private sealed class CommandEnvironment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
