using Microsoft.Extensions.Hosting;

namespace Hug.Hosting;

/// <summary>Runs the start-up handlers when the host starts, before Kestrel accepts requests.</summary>
internal sealed class StartupHostedService(HugApi api) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => api.Startup.RunOnceAsync(api, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
