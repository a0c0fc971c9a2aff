using System.Net;
using System.Threading.RateLimiting;
using Hug.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Hosting;

/// <summary>
/// <c>ConfigureWebBuilder</c>/<c>ConfigureWebApp</c>: ASP.NET Core's own CORS, health checks and rate limiting added to the
/// app <c>serve</c> builds (a real Kestrel on loopback), keeping the command line. The README's snippet, run as written.
/// </summary>
public sealed class WebHostHooksTests
{
    private static HugApi Configured()
    {
        var api = new HugApi();
        api.Http.Get("/add", (int a, int b) => a + b);
        #region README: Configure
        api.ConfigureWebBuilder(builder =>
            {
                builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins("https://example.com")));
                builder.Services.AddHealthChecks();
                builder.Services.AddRateLimiter(limits =>
                {
                    limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) }));
                });
            })
            .ConfigureWebApp(app =>
            {
                app.UseCors();
                app.UseRateLimiter();
                app.MapHealthChecks("/health");
            });
        #endregion
        return api;
    }

    [Fact]
    public async Task CorsHealthChecksAndRateLimitingApplyToHugsEndpoints()
    {
        await using var server = await HugServer.StartAsync(Configured());
        var client = server.Client;

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/add");
        preflight.Headers.Add("Origin", "https://example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await client.SendAsync(preflight);
        Assert.Equal("https://example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var cross = new HttpRequestMessage(HttpMethod.Get, "/add?a=1&b=2");
        cross.Headers.Add("Origin", "https://elsewhere.example");
        using var refused = await client.SendAsync(cross);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        // Five permits a minute (the preflight was answered before the limiter), two used: three more calls, then 429.
        for (var call = 0; call < 3; call++) Assert.Equal("3", await client.GetStringAsync("/add?a=1&b=2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/add?a=1&b=2")).StatusCode);
    }

    [Fact]
    public async Task TheCommandLineIsKept()
    {
        var api = Configured();
        api.Cli.Command("add", (int a, int b) => a + b);
        var output = new StringWriter();
        Assert.Equal(0, await api.RunAsync(["add", "1", "2"], output, new StringWriter()));
        Assert.Equal("3", output.ToString().Trim());
    }

    [Fact]
    public async Task TheTestHostRunsTheHooksToo()
    {
        await using var host = await Hug.Testing.HugTestHost.StartAsync(Configured());
        Assert.Equal("Healthy", await host.CreateHttpClient().GetStringAsync("/health"));
    }

    [Fact]
    public async Task AMountedApisHooksRunForTheHost()
    {
        var inner = new HugApi();
        inner.Http.Get("/ping", () => "pong");
        inner.ConfigureWebBuilder(builder => builder.Services.AddHealthChecks()).ConfigureWebApp(app => app.MapHealthChecks("/inner-health"));
        var outer = new HugApi();
        outer.Mount("/inner", inner);
        await using var server = await HugServer.StartAsync(outer);
        Assert.Equal("Healthy", await server.Client.GetStringAsync("/inner-health"));
    }
}
