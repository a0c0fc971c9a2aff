using System.CommandLine;
using Hug.Cli;
using Hug.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Hug;

/// <summary>
/// <c>serve</c>: runs the API on Kestrel until Ctrl+C or SIGTERM, then stops gracefully (exit 0). Addresses and
/// settings are checked first: a bad one is one line and exit 2, an address that cannot be bound one line and exit 1.
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";
    public const string Description = "Serve the API over HTTP";

    public static Command Create(HugApi api)
    {
        Option<string?> host = new("--host") { Description = $"localhost, an IP address, or * for every interface [default: {HugWebHost.DefaultHost}]" };
        // Text, checked below: a typed option's value that does not parse throws when a validator reads it.
        Option<string?> port = new("--port", "-p") { Description = $"Port to listen on; 0 picks a free one [default: {HugWebHost.DefaultPort}]" };
        Option<string?> urls = new("--urls") { Description = "URLs to listen on, separated by ';', http:// or https:// (also ASPNETCORE_URLS)" };
        Option<bool> http2 = new("--http2") { Description = "Speak HTTP/2 without TLS too (prior knowledge); over https:// it is negotiated anyway" };
        Option<string?> shutdown = new("--shutdown-timeout") { Description = $"Seconds that stopping may take to let requests and streams finish [default: {HugWebHost.DefaultShutdownSeconds}]" };
        Option<bool> logRequests = new("--log-requests") { Description = "Log every request (ASP.NET Core's HTTP logging: method, path, status, duration)" };
        Option<bool> no404 = new("--no-404-documentation") { Description = "Answer unknown URLs with a plain 404 instead of the API documentation" };
        Option<bool> noOpenApi = new("--no-openapi") { Description = "Do not publish the OpenAPI document at /openapi/v1.json" };
        var serve = new Command(Name, Description) { host, port, urls, http2, shutdown, logRequests, no404, noOpenApi };
        serve.Validators.Add(result =>
        {
            if (result.GetValue(urls) is not null && (result.GetValue(host) is not null || result.GetValue(port) is not null))
                result.AddError("--urls cannot be combined with --host or --port.");
            else if (result.GetValue(host) is { } hostName && ListenAddresses.CheckHost(hostName) is { } hostProblem)
                result.AddError($"--host: {hostProblem}.");
            else if (result.GetValue(port) is { } text && ListenAddresses.Port(text) is null)
                result.AddError($"--port: '{text}' is not a port; a port is a whole number from 0 to 65535.");
            else if (result.GetValue(urls) is { } list && ListenAddresses.CheckUrls(list) is { } urlProblem)
                result.AddError($"--urls: {urlProblem}.");
            else if (result.GetValue(shutdown) is { } seconds && Seconds(seconds) is null)
                result.AddError($"--shutdown-timeout: '{seconds}' is not a number of seconds (0 to 3600).");
        });
        serve.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(no404)) api.Options.NotFoundDocumentation = false;
            if (parseResult.GetValue(noOpenApi)) api.Options.OpenApiDocuments = false;
            var settings = new ServeSettings(
                parseResult.GetValue(urls), parseResult.GetValue(host), parseResult.GetValue(port) is { } text ? ListenAddresses.Port(text) : null,
                parseResult.GetValue(http2), parseResult.GetValue(shutdown) is { } seconds ? Seconds(seconds) : null, parseResult.GetValue(logRequests));
            return await RunAsync(api, settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return serve;
    }

    /// <summary>Builds, starts and runs the app until it is stopped; every failure to start is one line on <paramref name="error"/>.</summary>
    private static async Task<int> RunAsync(HugApi api, ServeSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = HugWebHost.Build(api, [], settings, listen: true, HugServe.Extension);
        }
        catch (ServeUsageException exception)
        {
            await error.WriteLineAsync($"serve: {exception.Message}");
            return CliExitCodes.Usage;
        }
        catch (HugConfigurationException exception)
        {
            // Found while mapping (a static folder that is not there): one line, as a failure to start is.
            await error.WriteLineAsync($"serve: cannot start: {exception.Message}");
            return CliExitCodes.Failure;
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A taken port, an https:// address without a certificate, a static folder that is not there, a hosted
                // service of the app's that threw: what the host would log with a stack trace (ServeDefaults quiets it).
                await error.WriteLineAsync($"serve: cannot start: {FirstLine(exception)}");
                return CliExitCodes.Failure;
            }
            var addresses = app.Urls.ToList();
            await output.WriteLineAsync($"Hug: serving \"{api.Overview}\" on {string.Join(", ", addresses)} (documentation at {Browsable(addresses.FirstOrDefault())}/)");
            await output.FlushAsync(cancellationToken);
            // The host's own console lifetime handles Ctrl+C and SIGTERM (serve runs without System.CommandLine's
            // termination handler), as does cancelling the token: it stops accepting, lets in-flight work finish within the
            // shutdown timeout, and returns.
            await app.WaitForShutdownAsync(cancellationToken);
        }
        return 0;
    }

    private static TimeSpan? Seconds(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds) : null;

    private static string FirstLine(Exception exception)
    {
        var message = exception.Message.Split('\n')[0].Trim();
        if (exception.InnerException is { Message.Length: > 0 } cause && !message.Contains(cause.Message, StringComparison.OrdinalIgnoreCase))
            message += $" ({cause.Message.Split('\n')[0].Trim()})";
        if (message.Contains("No server certificate", StringComparison.Ordinal))
            message += " Configure one (Kestrel:Certificates:Default:Path and :Password), or create the development certificate with 'dotnet dev-certs https'.";
        return message;
    }

    /// <summary>A listen address a browser can open: every interface shown as localhost.</summary>
    private static string? Browsable(string? address) =>
        address?.Replace("://[::]:", "://localhost:").Replace("://0.0.0.0:", "://localhost:").Replace("://+:", "://localhost:").Replace("://*:", "://localhost:");
}
