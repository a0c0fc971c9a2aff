using Hug.Http;
using Microsoft.Extensions.Hosting;

namespace Hug.Hosting;

/// <summary>
/// Runs the start-up handlers when the host starts, before Kestrel accepts requests; once every hosted service has
/// started (the web host's included: its pipeline and endpoints are built by then), refuses an API that <c>AddHug</c>
/// registered and <c>MapHug</c> never mapped: an app that would serve nothing, and say nothing about it.
/// </summary>
internal sealed class StartupHostedService(HugApi api) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => api.Startup.RunOnceAsync(api, cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => api.Http().Mapped
        ? Task.CompletedTask
        : throw new InvalidOperationException(
            "Hug: services.AddHug() registered an API but app.MapHug() was never called, so none of its endpoints is served; call app.MapHug() after building the app.");

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
