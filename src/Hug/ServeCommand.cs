using System.CommandLine;
using Hug.Cli;
using Hug.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Hug;

/// <summary><c>serve [--host H] [--port P] [--urls U] [--no-404-documentation] [--no-openapi]</c>: runs the API on Kestrel.</summary>
internal static class ServeCommand
{
    private const string DefaultHost = HugWebHost.DefaultHost;
    private const int DefaultPort = HugWebHost.DefaultPort;

    public const string Name = "serve";
    public const string Description = "Serve the API over HTTP";

    public static Command Create(HugApi api)
    {
        Option<string?> host = new("--host") { Description = $"Host name or address to listen on [default: {DefaultHost}]" };
        // Text, checked below: a typed option's value that does not parse throws when a validator reads it.
        Option<string?> port = new("--port", "-p") { Description = $"Port to listen on; 0 picks a free one [default: {DefaultPort}]" };
        Option<string?> urls = new("--urls") { Description = "ASP.NET Core URLs to listen on, separated by ';' (also ASPNETCORE_URLS)" };
        Option<bool> no404 = new("--no-404-documentation") { Description = "Answer unknown URLs with a plain 404 instead of the API documentation" };
        Option<bool> noOpenApi = new("--no-openapi") { Description = "Do not publish the OpenAPI document at /openapi/v1.json" };
        var serve = new Command(Name, Description) { host, port, urls, no404, noOpenApi };
        serve.Validators.Add(result =>
        {
            if (result.GetValue(urls) is not null && (result.GetValue(host) is not null || result.GetValue(port) is not null))
                result.AddError("--urls cannot be combined with --host or --port.");
            if (result.GetValue(port) is { } text && Port(text) is null)
                result.AddError($"--port must be between 0 and 65535.");
        });
        serve.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(no404)) api.Options.NotFoundDocumentation = false;
            if (parseResult.GetValue(noOpenApi)) api.Options.OpenApiDocuments = false;
            var app = HugWebHost.Build(api, [], HugWebHost.Listen(parseResult.GetValue(urls), parseResult.GetValue(host), parseResult.GetValue(port) is { } text ? Port(text) : null), HugServe.Extension);
            await app.StartAsync(cancellationToken);
            var addresses = app.Urls.Select(Displayable).ToList();
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Hug: serving \"{api.Overview}\" on {string.Join(", ", addresses)} (documentation at {addresses.FirstOrDefault()}/)");
            await output.FlushAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.DisposeAsync();
            return 0;
        });
        return serve;
    }

    /// <summary>The port <paramref name="text"/> names (a whole number from 0 to 65535), else null.</summary>
    private static int? Port(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;

    private static string Displayable(string address) =>
        address.Replace("://[::]:", "://localhost:").Replace("://0.0.0.0:", "://localhost:").Replace("://+:", "://localhost:").Replace("://*:", "://localhost:");
}
