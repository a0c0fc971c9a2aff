using System.Reflection;
using Hug;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hug.Tool;

/// <summary>
/// <c>hug -f App.cs --reload</c>: one Kestrel on one port whose requests go to the current build of
/// the API. The source is polled; a change is compiled and, if it compiles, swapped in (requests in
/// flight finish on the version they started on); if not, its errors are printed and the last good
/// version keeps serving.
/// </summary>
internal sealed class ReloadingServer(string source, string url, bool notFoundDocumentation, TextWriter output, TextWriter error)
{
    private RequestDelegate current = NotReady;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.Services.AddRouting();
        await using var app = builder.Build();
        app.Run(context => Volatile.Read(ref current)(context));
        if (!TryLoad(app.Services, out var version)) return 1;
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        await output.WriteLineAsync($"Hug: serving \"{version}\" on {address} (documentation at {address}/), reloading on changes to {Path.GetFileName(source)}");
        await output.FlushAsync(cancellationToken);
        var stamp = File.GetLastWriteTimeUtc(source);
        // Ctrl+C and SIGTERM reach the host's console lifetime, which marks the application stopping: the polling ends there.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stopping.Token);
                var now = File.Exists(source) ? File.GetLastWriteTimeUtc(source) : stamp;
                if (now == stamp) continue;
                stamp = now;
                if (TryLoad(app.Services, out _)) await output.WriteLineAsync($"Hug: reloaded {Path.GetFileName(source)}");
                await output.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop below.
        }
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>Compiles and loads the source into a fresh load context, and swaps its pipeline in.</summary>
    private bool TryLoad(IServiceProvider services, out string overview)
    {
        overview = "";
        var (assembly, errors) = ApiLoader.Load(source, isolated: true);
        if (assembly is null)
        {
            foreach (var line in errors) error.WriteLine(line);
            error.WriteLine("Hug: the last good version keeps serving.");
            return false;
        }
        try
        {
            var api = ApiSetup.FromConvention(assembly, new HugOptions { NotFoundDocumentation = notFoundDocumentation });
            var pipeline = new ApplicationBuilder(services);
            pipeline.UseWebSockets();
            pipeline.UseRouting();
            pipeline.UseEndpoints(endpoints => endpoints.MapHug(api));
            Volatile.Write(ref current, pipeline.Build());
            // The API is built from its registration: drop it, so the version this one replaces can be unloaded.
            Hug.Generation.GeneratedEndpoints.Forget(assembly);
            overview = api.Overview;
            return true;
        }
        catch (Exception exception) when (exception is HugConfigurationException or SetupFailedException)
        {
            error.WriteLine(exception.Message);
            error.WriteLine("Hug: the last good version keeps serving.");
            return false;
        }
    }

    private static Task NotReady(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    }
}
