using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// The API's literal URLs (no route parameters) answered by one dictionary lookup ahead of endpoint
/// routing. Only <c>serve</c> uses it: it owns the whole application, so no ASP.NET Core endpoint
/// metadata (authorization, CORS) can be attached to Hug's routes there. Matching is routing's:
/// case-insensitive, one trailing slash ignored. Everything else falls through to routing.
/// </summary>
internal sealed class LiteralRoutes
{
    private readonly Dictionary<string, RequestDelegate> routes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes <paramref name="template"/> if it is literal and not yet taken; false leaves it to routing.</summary>
    public bool TryAdd(string template, RequestDelegate handler) =>
        template.IndexOfAny(['{', '}', '*']) < 0 && routes.TryAdd(template, handler);

    public Func<RequestDelegate, RequestDelegate> Middleware => next =>
    {
        var frozen = routes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        return http =>
        {
            var path = http.Request.Path.Value;
            if (string.IsNullOrEmpty(path)) path = "/";
            else if (path.Length > 1 && path[^1] == '/') path = path[..^1];
            return frozen.TryGetValue(path, out var handler) ? handler(http) : next(http);
        };
    };
}
