using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
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
/// </summary>
internal static class CommandServices
{
    public static IServiceProvider Build(IServiceCollection registrations)
    {
        var configuration = new ConfigurationManager();
        // A command reads its files once: no file watcher.
        configuration["hostBuilder:reloadConfigOnChange"] = "false";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            Configuration = configuration,
            ContentRootPath = Directory.GetCurrentDirectory(),
            // ASP.NET Core's variable too, so a command and serve see the same environment.
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
                : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet : null,
        });
        // Lowest source: a command's stderr carries warnings and errors unless configuration asks for more; its stdout is
        // the result alone, so the console logger writes to stderr.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        foreach (var service in registrations) builder.Services.Add(service);
        return new BuiltHost(builder.Build());
    }

    /// <summary>The host's services; disposing it disposes the host (its singletons, its logging).</summary>
    private sealed class BuiltHost(IHost host) : IServiceProvider, IDisposable
    {
        public object? GetService(Type serviceType) => host.Services.GetService(serviceType);

        public void Dispose() => host.Dispose();
    }
}
