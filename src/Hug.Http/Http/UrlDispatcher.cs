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

    /// <summary>A method the URL does not serve: OPTIONS gets 204, the rest Hug's 405 problem; both with <paramref name="allow"/>.</summary>
    public static Task AnswerOtherMethod(HttpContext http, string allow)
    {
        http.Response.Headers.Allow = allow;
        if (!HttpMethods.IsOptions(http.Request.Method))
            return Problem.MethodNotAllowed(http.Request.Method, http.Request.Path.Value ?? "/", allow).WriteAsync(http).AsTask();
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task DispatchAsync(HttpContext http)
    {
        var request = http.Request;
        if (!resource.TryGetHandlers(request.Method, out var handlers)
            && !(HttpMethods.IsHead(request.Method) && resource.TryGetHandlers(HttpMethods.Get, out handlers)))
            return AnswerOtherMethod(http, resource.Allow);
        var version = urlVersion;
        if (versioned && request.Headers.TryGetValue(VersionHeader, out var header))
        {
            // Repeated headers reach us as several values or as one comma-joined line (what HttpClient sends): either is two.
            var sent = 0;
            foreach (var value in header) sent += (value?.Count(c => c == ',') ?? 0) + 1;
            if (sent != 1)
                return Problem.Invalid(VersionHeader, $"Sent {sent} times; send one version").WriteAsync(http).AsTask();
            if (!int.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
                return Problem.Invalid(VersionHeader, "Invalid whole number provided").WriteAsync(http).AsTask();
            if (urlVersion is { } inUrl && inUrl != requested)
                return Problem.Invalid(VersionHeader, $"You are requesting conflicting versions: {inUrl} in the URL and {requested} in {VersionHeader}").WriteAsync(http).AsTask();
            version = requested;
        }
        var endpoint = handlers.Resolve(version);
        return endpoint is null ? notFound.RespondAsync(http, version) : endpoint.HandleAsync(http, version, suffix);
    }
}
