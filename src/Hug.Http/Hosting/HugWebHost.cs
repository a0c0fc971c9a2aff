using Hug.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hug;

/// <summary>Builds the Kestrel application that serves an API.</summary>
public static class HugWebHost
{
    /// <summary>Where <c>serve</c> listens when told nothing.</summary>
    internal const string DefaultHost = "localhost";

    /// <summary>The port <c>serve</c> listens on when told nothing (hug's).</summary>
    internal const int DefaultPort = 8000;

    /// <summary>How long stopping may take when nothing configures it: in-flight requests and streams finish within it.</summary>
    internal const int DefaultShutdownSeconds = 30;

    /// <summary>
    /// A web application serving <paramref name="api"/>, as <c>serve</c> builds it: explicit <paramref name="urls"/>, else
    /// <paramref name="host"/>/<paramref name="port"/>, else the configured URLs (ASPNETCORE_URLS), else http://localhost:8000.
    /// </summary>
    public static WebApplication Build(HugApi api, string? urls = null, string? host = null, int? port = null) =>
        Build(api, [], new ServeSettings(urls, host, port), listen: true, WebHostExtension.None);

    /// <summary>
    /// The application a hosting tool asked for (<c>WebApplicationFactory</c>, build-time OpenAPI): its host settings
    /// (<c>--environment=Development</c>, <c>--applicationName=…</c>) as the builder's arguments, and the addresses the
    /// tool (or ASP.NET Core's configuration) sets, none of <c>serve</c>'s.
    /// </summary>
    internal static WebApplication BuildForHostingTool(HugApi api, string[] hostSettings, WebHostExtension extension) =>
        Build(api, hostSettings, ServeSettings.None, listen: false, extension);

    /// <summary>
    /// The web application: <paramref name="args"/> for the builder; <paramref name="settings"/> (with
    /// <paramref name="listen"/>, its addresses, checked: <see cref="ServeUsageException"/>); the API's own hooks; and
    /// <paramref name="extension"/>, what the assembly building it adds (<c>serve</c>'s OpenAPI documents, in Hug).
    /// </summary>
    internal static WebApplication Build(HugApi api, string[] args, ServeSettings settings, bool listen, WebHostExtension extension,
        Action<WebApplicationBuilder>? server = null)
    {
        _ = api.Endpoints; // composes mounted APIs now: their hooks and static folders are the host's too
        var builder = WebApplication.CreateSlimBuilder(args);
        ServeDefaults.Add(builder.Configuration, settings.LogRequests);
        // https:// addresses and Kestrel's certificate configuration (the slim builder leaves HTTPS out), unless built without.
        if (ServeFeatures.Https) builder.WebHost.UseKestrelHttpsConfiguration();
        if (listen && Listen(builder, settings) is { } urls && settings.CleartextHttp2) ServeDefaults.CleartextHttp2(builder, urls);
        if (settings.ShutdownTimeout is { } timeout) builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
        if (settings.LogRequests) builder.Services.AddHttpLogging(static options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        SecurityHeaders.AddTo(builder, api);
        server?.Invoke(builder);
        foreach (var service in api.Services) builder.Services.Add(service);
        builder.Services.AddHug(api);
        extension.AddServices?.Invoke(builder, api);
        foreach (var configure in api.Http().BuilderHooks) configure(builder);

        var app = builder.Build();
        SecurityHeaders.UseIn(app, api);
        if (settings.LogRequests) app.UseHttpLogging();
        if (api.ServesWebSockets) app.UseWebSockets();
        // Routing first, so the app's own middleware (CORS, authorization, rate limiting) sees which endpoint was chosen.
        app.UseRouting();
        foreach (var configure in api.Http().AppHooks) configure(app);
        HugEndpointRouteBuilderExtensions.MapHug(app, api, ownsApplication: true, out var notFound);
        extension.MapEndpoints?.Invoke(app, api);
        // Endpoint routing, then (no endpoint matched) the 404 answer as the last step, rather than a
        // catch-all route that every request would also match.
        app.UseEndpoints(_ => { });
        app.Run(notFound);
        return app;
    }

    /// <summary>
    /// <c>serve</c>'s addresses: explicit URLs, else host and port, else the configured URLs (checked as well: a host
    /// name there would listen on every interface too), else Kestrel's own endpoints, else http://localhost:8000.
    /// Returns the URLs listened on (null: Kestrel's configured endpoints decide).
    /// </summary>
    private static string? Listen(WebApplicationBuilder builder, ServeSettings settings)
    {
        if (settings.Host is { } host && ListenAddresses.CheckHost(host) is { } hostProblem)
            throw new ServeUsageException($"--host: {hostProblem}.");
        if (settings.Urls is { } urls)
        {
            if (ListenAddresses.CheckUrls(urls) is { } problem) throw new ServeUsageException($"--urls: {problem}.");
            if (!ServeFeatures.Https && urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
                throw new ServeUsageException("--urls: https:// needs HTTPS, which this program was built without (<HugHttps>false</HugHttps>).");
            return UseUrls(builder, urls);
        }
        if (settings.Host is not null || settings.Port is not null)
            return UseUrls(builder, $"http://{FormatHost(settings.Host ?? DefaultHost)}:{settings.Port ?? DefaultPort}");
        if (builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured)
        {
            if (ListenAddresses.CheckUrls(configured) is { } problem) throw new ServeUsageException($"ASPNETCORE_URLS (or the 'urls' setting): {problem}.");
            return configured;
        }
        var endpoints = builder.Configuration.GetSection("Kestrel:Endpoints");
        if (endpoints.GetChildren().Any() || builder.Configuration["http_ports"] is { Length: > 0 } || builder.Configuration["https_ports"] is { Length: > 0 }) return null;
        return UseUrls(builder, $"http://{DefaultHost}:{DefaultPort}");
    }

    private static string UseUrls(WebApplicationBuilder builder, string urls)
    {
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return urls;
    }

    private static string FormatHost(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
}

/// <summary>What an assembly building the web host adds to it: services before it is built, endpoints after Hug's.</summary>
internal sealed record WebHostExtension(Action<WebApplicationBuilder, HugApi>? AddServices, Action<WebApplication, HugApi>? MapEndpoints)
{
    public static readonly WebHostExtension None = new(null, null);
}
