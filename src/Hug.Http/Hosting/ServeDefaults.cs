using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Hug.Hosting;

/// <summary>
/// Hug's defaults for a web host it builds, as the lowest configuration source: <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c>, environment variables and the rest of ASP.NET Core's sources override each.
/// </summary>
internal static class ServeDefaults
{
    public static void Add(IConfigurationBuilder configuration, bool logRequests)
    {
        var defaults = new Dictionary<string, string?>
        {
            // serve prints its own line; ASP.NET Core's start-up chatter and per-request information stay quiet.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // Its "Hosting failed to start" error repeats, with a stack trace, the one line serve prints; a background
            // service that stops the host is still logged (Critical).
            ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "Critical",
            ["shutdownTimeoutSeconds"] = HugWebHost.DefaultShutdownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (logRequests) defaults["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Information";
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }

    /// <summary>
    /// HTTP/2 without TLS (prior knowledge, as gRPC and curl <c>--http2-prior-knowledge</c> use it) on the ports of
    /// <paramref name="urls"/>' http:// addresses. Kestrel cannot tell HTTP/1.1 from HTTP/2 on a cleartext connection, so
    /// those endpoints speak HTTP/2 only; https:// endpoints keep both, chosen by ALPN. (An endpoint's TLS is set after
    /// its defaults, so the port is what tells them apart.)
    /// </summary>
    public static void CleartextHttp2(WebApplicationBuilder builder, string urls)
    {
        var ports = ListenAddresses.CleartextPorts(urls);
        builder.WebHost.ConfigureKestrel(options => options.ConfigureEndpointDefaults(listen =>
        {
            if (listen.IPEndPoint is { } endpoint && ports.Contains(endpoint.Port)) listen.Protocols = HttpProtocols.Http2;
        }));
    }
}
