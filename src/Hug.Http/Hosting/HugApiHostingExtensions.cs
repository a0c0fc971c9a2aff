using Hug.Http;
using Microsoft.AspNetCore.Builder;

namespace Hug;

/// <summary>
/// Configures the web application <c>serve</c> builds (and <c>HugTestHost</c>, and a hosting tool's run), keeping the
/// command line: services, configuration and Kestrel on the builder; middleware and extra endpoints on the app.
/// <code>
/// api.ConfigureWebBuilder(builder => builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://example.com"))))
///    .ConfigureWebApp(app => app.UseCors());
/// </code>
/// An app of your own (<c>AddHug</c>/<c>MapHug</c>) configures itself: these hooks run only where Hug builds the app.
/// </summary>
public static class HugApiHostingExtensions
{
    extension(HugApi api)
    {
        /// <summary>
        /// Runs <paramref name="configure"/> on the web application's builder, after Hug's services and defaults (so it
        /// can replace them) and before it is built: <c>builder.Services</c>, <c>builder.Configuration</c>, <c>builder.WebHost.ConfigureKestrel</c>.
        /// </summary>
        public HugApi ConfigureWebBuilder(Action<WebApplicationBuilder> configure)
        {
            ArgumentNullException.ThrowIfNull(configure);
            api.Http().BuilderHooks.Add(configure);
            return api;
        }

        /// <summary>
        /// Runs <paramref name="configure"/> on the built application, after routing has chosen the endpoint and
        /// before it runs (so CORS, authentication, rate limiting and output caching see Hug's endpoints and their
        /// metadata); endpoints it maps (<c>app.MapHealthChecks("/health")</c>) are served beside Hug's.
        /// </summary>
        public HugApi ConfigureWebApp(Action<WebApplication> configure)
        {
            ArgumentNullException.ThrowIfNull(configure);
            api.Http().AppHooks.Add(configure);
            return api;
        }
    }
}
