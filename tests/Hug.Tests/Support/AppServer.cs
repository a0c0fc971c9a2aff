using Microsoft.AspNetCore.Builder;

namespace Hug.Tests.Support;

/// <summary>An ordinary ASP.NET Core app (the user's own, with Hug mapped into it) on 127.0.0.1 and a free port.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private AppServer(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public static async Task<AppServer> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map, string environment = "Production")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrlsLoopback();
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new AppServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
