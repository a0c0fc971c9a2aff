using Hug.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hug;

/// <summary>Builds the Kestrel application that serves an API.</summary>
public static class HugWebHost
{
    /// <summary>Where <c>serve</c> listens when told nothing.</summary>
    internal const string DefaultHost = "localhost";

    /// <summary>The port <c>serve</c> listens on when told nothing (hug's).</summary>
    internal const int DefaultPort = 8000;

    /// <summary>
    /// A web application serving <paramref name="api"/>: explicit <paramref name="urls"/>, else
    /// <paramref name="host"/>/<paramref name="port"/>, else ASPNETCORE_URLS, else http://localhost:8000.
    /// </summary>
    public static WebApplication Build(HugApi api, string? urls = null, string? host = null, int? port = null) =>
        Build(api, [], Listen(urls, host, port), WebHostExtension.None);

    /// <summary><c>serve</c>'s addresses: explicit <paramref name="urls"/>, else host and port, else ASPNETCORE_URLS, else http://localhost:8000.</summary>
    internal static Action<WebApplicationBuilder> Listen(string? urls, string? host, int? port) => builder =>
    {
        var configured = builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? builder.Configuration["http_ports"];
        if (urls is not null) builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        else if (host is not null || port is not null || string.IsNullOrEmpty(configured))
            builder.WebHost.UseUrls($"http://{FormatHost(host ?? DefaultHost)}:{port ?? DefaultPort}");
    };

    /// <summary>
    /// The application a hosting tool asked for (<c>WebApplicationFactory</c>, build-time OpenAPI): its host settings
    /// (<c>--environment=Development</c>, <c>--applicationName=…</c>) as the builder's arguments, and the addresses the
    /// tool (or ASP.NET Core's configuration) sets, none of <c>serve</c>'s.
    /// </summary>
    internal static WebApplication BuildForHostingTool(HugApi api, string[] hostSettings, WebHostExtension extension) =>
        Build(api, hostSettings, static _ => { }, extension);

    /// <summary>
    /// The web application: <paramref name="args"/> for the builder, <paramref name="listen"/> for its addresses, and
    /// <paramref name="extension"/> for what the assembly building it adds (<c>serve</c>'s OpenAPI document, in Hug).
    /// </summary>
    internal static WebApplication Build(HugApi api, string[] args, Action<WebApplicationBuilder> listen, WebHostExtension extension)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        foreach (var service in api.Services) builder.Services.Add(service);
        builder.Services.AddHug(api);
        listen(builder);
        extension.AddServices?.Invoke(builder, api);
        var app = builder.Build();
        if (api.ServesWebSockets) app.UseWebSockets();
        HugEndpointRouteBuilderExtensions.MapHug(app, api, ownsApplication: true, out var notFound);
        extension.MapEndpoints?.Invoke(app, api);
        // Endpoint routing, then (no endpoint matched) the 404 answer as the last step, rather than a
        // catch-all route that every request would also match.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        app.Run(notFound);
        return app;
    }

    private static string FormatHost(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
}

/// <summary>What an assembly building the web host adds to it: services before it is built, endpoints after Hug's.</summary>
internal sealed record WebHostExtension(Action<WebApplicationBuilder, HugApi>? AddServices, Action<WebApplication, HugApi>? MapEndpoints)
{
    public static readonly WebHostExtension None = new(null, null);
}
