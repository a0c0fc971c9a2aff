using Hug.Http;

namespace Hug.OpenApi;

/// <summary>
/// Endpoint metadata on each route <c>MapHug</c> maps for a URL (not its <c>.suffix</c> forms): the Hug endpoints it
/// dispatches to, and the API version its <c>/vN</c> prefix chooses. <see cref="HugApiDescriptionProvider"/> reads it
/// from the app's endpoints, so the path it describes is the one really mapped (a group's prefix included).
/// </summary>
internal sealed record HugRouteMetadata(HugApi Api, UrlResource Resource, int? Version, bool ApiHasVersions);
