using System.Text.Json.Nodes;
using Hug.Documentation;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// Answers for URLs nothing is routed at: hug's 404 with the API's documentation (for the version in
/// the path, if any), or a plain 404 when <see cref="HugOptions.NotFoundDocumentation"/> is off.
/// Each version's body is serialised once, at its first 404: built at start-up, the documentation's nodes cost every
/// server their heap (part of the 2.4 MB more anonymous memory than an AOT Minimal API's at idle, session 10) and its
/// start-up time, for an answer many servers never give.
/// </summary>
internal sealed class NotFoundResponder
{
    public const string Message = "The API call you tried to make was not defined. Here's a definition of the API to help you get going :)";
    private readonly HugApi api;
    private readonly HttpRouteTable table;
    private readonly bool documented;

    /// <summary>Serialised bodies by version (<see cref="Latest"/>: for a path with no version, or an unknown one); made once each.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> bodies = new();

    /// <summary>The same as pages, for browsers (<c>Accept: text/html</c>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> pages = new();

    private const int Latest = int.MinValue;

    public NotFoundResponder(HugApi api, HttpRouteTable table)
    {
        this.api = api;
        this.table = table;
        documented = api.Options.NotFoundDocumentation;
    }

    public Task RespondAsync(HttpContext http) => RespondAsync(http, VersionInPath(http.Request.Path));

    public Task RespondAsync(HttpContext http, int? version)
    {
        if (MountedHandler(http.Request.Path, version) is { } mounted)
            return JsonResponse.WriteAsync(http, mounted(http), api.Options.ReadOnlyJson).AsTask();
        if (api.Http().NotFoundHandlers.Count > 0 && (api.Http().NotFoundHandlers.GetValueOrDefault(version ?? 0) ?? api.Http().NotFoundHandlers.GetValueOrDefault(0)) is { } handler)
            return JsonResponse.WriteAsync(http, handler(http), api.Options.ReadOnlyJson).AsTask();
        if (!documented)
            return Problem.One(404, "Not Found", "404", "The API call you tried to make was not defined").WriteAsync(http).AsTask();
        var key = version is { } v && Array.IndexOf(table.Versions, v) >= 0 ? v : Latest;
        http.Response.Headers.Vary = "Accept";
        if (DocsPage.Wanted(http.Request))
        {
            var page = pages.GetOrAdd(key, static (k, self) =>
                DocsPage.Render(self.api, HugDocumentation.Build(self.api, self.table, k == Latest ? self.table.LatestVersion : k), Message), this);
            return DocsPage.WriteAsync(http, api, StatusCodes.Status404NotFound, page);
        }
        var body = bodies.GetOrAdd(key, static (k, self) => Body(self.api, self.table, k == Latest ? self.table.LatestVersion : k), this);
        return JsonResponse.WriteBodyAsync(http, StatusCodes.Status404NotFound, JsonResponse.ContentType, body).AsTask();
    }

    /// <summary>The not-found handler of the mounted API whose prefix is longest in <paramref name="path"/>, for the version or any.</summary>
    private Func<HttpContext, ErrorResponse>? MountedHandler(PathString path, int? version)
    {
        Func<HttpContext, ErrorResponse>? found = null;
        var length = -1;
        foreach (var (prefix, handlerVersion, handler) in api.Http().MountedNotFound)
        {
            if (prefix.Length <= length || (handlerVersion != 0 && handlerVersion != version)) continue;
            var under = path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)
                || (version is { } v && path.StartsWithSegments($"/v{v}{prefix}", StringComparison.OrdinalIgnoreCase));
            if (!under) continue;
            (found, length) = (handler, prefix.Length);
        }
        return found;
    }

    private static byte[] Body(HugApi api, HttpRouteTable table, int? version) =>
        HugDocumentation.Serialize(new JsonObject { ["404"] = Message, ["documentation"] = HugDocumentation.Build(api, table, version) });

    /// <summary>The N of a path starting <c>/vN/</c> or equal to <c>/vN</c>.</summary>
    public static int? VersionInPath(PathString path)
    {
        var value = path.Value.AsSpan();
        if (value.Length < 3 || value[0] != '/' || (value[1] != 'v' && value[1] != 'V')) return null;
        var end = value[2..].IndexOf('/');
        var digits = end < 0 ? value[2..] : value.Slice(2, end);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var version) ? version : null;
    }
}
