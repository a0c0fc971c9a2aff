using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>What the HTTP adapter keeps per API: not-found handlers (its own and its mounts'), input formats, its documentation.</summary>
internal sealed class HttpApiState : AdapterState
{
    /// <summary>The API's not-found handlers by version (0: any).</summary>
    public Dictionary<int, Func<HttpContext, ErrorResponse>> NotFoundHandlers { get; } = [];

    /// <summary>Not-found handlers of mounted APIs, each answering unknown URLs under its prefix (and version, 0 for any).</summary>
    public List<(string Prefix, int Version, Func<HttpContext, ErrorResponse> Handler)> MountedNotFound { get; } = [];

    /// <summary>Request body formats by media type.</summary>
    public Dictionary<string, InputFormat> InputFormats { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The hug-style documentation, built on first use.</summary>
    public Documentation.ApiDocumentation? Documentation { get; set; }

    /// <summary>Whether <c>MapHug</c> mapped this API into an app: a host that registered it with <c>AddHug</c> and never did fails at start-up.</summary>
    public bool Mapped { get; set; }

    /// <summary>What configures the builder of a web application Hug builds (<c>ConfigureWebBuilder</c>), in order.</summary>
    public List<Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>> BuilderHooks { get; } = [];

    /// <summary>What configures a web application Hug builds, after routing (<c>ConfigureWebApp</c>), in order.</summary>
    public List<Action<Microsoft.AspNetCore.Builder.WebApplication>> AppHooks { get; } = [];

    /// <summary>Folders served as static files (<c>api.Http.Static</c>), by URL prefix.</summary>
    public List<StaticFiles.StaticFolder> StaticFolders { get; } = [];

    /// <summary>
    /// Maps the static folders; set by <c>api.Http.Static</c>, so a program that never calls it does not reach ASP.NET
    /// Core's static file middleware, and Native AOT trims it away.
    /// </summary>
    public Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, IReadOnlyList<StaticFiles.StaticFolder>, RequestDelegate>? MapStaticFolders { get; set; }

    public override AdapterState CreateEmpty() => new HttpApiState();

    /// <summary>A mounted API's input formats (unless this one has the media type) and not-found handlers, under <paramref name="prefix"/>.</summary>
    public override void Mount(string prefix, AdapterState mounted)
    {
        var other = (HttpApiState)mounted;
        foreach (var (mediaType, format) in other.InputFormats) InputFormats.TryAdd(mediaType, format);
        foreach (var (version, handler) in other.NotFoundHandlers) MountedNotFound.Add((prefix, version, handler));
        foreach (var (prefixed, version, handler) in other.MountedNotFound) MountedNotFound.Add((prefix + prefixed, version, handler));
        // A mounted API's hosting needs are the host's: its hooks run too; its static folders move under the prefix.
        BuilderHooks.AddRange(other.BuilderHooks);
        AppHooks.AddRange(other.AppHooks);
        foreach (var folder in other.StaticFolders) StaticFolders.Add(folder with { UrlPrefix = prefix + folder.UrlPrefix });
        MapStaticFolders ??= other.MapStaticFolders;
    }
}
