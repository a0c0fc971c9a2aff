using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Hug.Hosting;

/// <summary>
/// What <c>serve</c> sends about itself (<see cref="HugOptions.SecurityHeaders"/>): no <c>Server</c> header (nothing to
/// fingerprint), <c>X-Content-Type-Options: nosniff</c> on every answer (a browser never runs a JSON or text answer as
/// script), HSTS over HTTPS outside Development. The documentation page's own policy is the page's (DocsPage).
/// </summary>
internal static class SecurityHeaders
{
    public static void AddTo(WebApplicationBuilder builder, HugApi api)
    {
        if (api.Options.SecurityHeaders) builder.WebHost.ConfigureKestrel(static options => options.AddServerHeader = false);
    }

    public static void UseIn(WebApplication app, HugApi api)
    {
        if (!api.Options.SecurityHeaders) return;
        app.Use(static (http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return next(http);
        });
        // Only where HTTPS is compiled in; the middleware itself sends it on HTTPS requests only (and not for localhost).
        if (ServeFeatures.Https && !app.Environment.IsDevelopment()) app.UseHsts();
    }
}
