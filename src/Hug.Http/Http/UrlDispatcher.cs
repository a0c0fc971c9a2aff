using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// The request delegate of one URL template (and optional <c>/vN</c> prefix): picks the endpoint by
/// HTTP method and API version, answers OPTIONS, and 405 with <c>Allow</c> for other methods.
/// </summary>
internal sealed class UrlDispatcher(UrlResource resource, int? urlVersion, NotFoundResponder notFound, bool versioned, string? suffix = null)
{
    public const string VersionHeader = "X-Api-Version";

    public Task DispatchAsync(HttpContext http)
    {
        var request = http.Request;
        if (!resource.TryGetHandlers(request.Method, out var handlers)
            && !(HttpMethods.IsHead(request.Method) && resource.TryGetHandlers(HttpMethods.Get, out handlers)))
        {
            http.Response.Headers.Allow = resource.Allow;
            if (HttpMethods.IsOptions(request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }
            return Problem.MethodNotAllowed(request.Method, request.Path.Value ?? "/", resource.Allow).WriteAsync(http).AsTask();
        }
        var version = urlVersion;
        if (versioned && request.Headers.TryGetValue(VersionHeader, out var header))
        {
            if (header.Count != 1 || !int.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
                return Problem.Invalid(VersionHeader, "Invalid whole number provided").WriteAsync(http).AsTask();
            if (urlVersion is { } inUrl && inUrl != requested)
                return Problem.Invalid(VersionHeader, $"You are requesting conflicting versions: {inUrl} in the URL and {requested} in {VersionHeader}").WriteAsync(http).AsTask();
            version = requested;
        }
        var endpoint = handlers.Resolve(version);
        return endpoint is null ? notFound.RespondAsync(http, version) : endpoint.HandleAsync(http, version, suffix);
    }
}
