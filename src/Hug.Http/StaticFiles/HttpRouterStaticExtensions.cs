using Hug.Http;
using Hug.StaticFiles;

namespace Hug;

/// <summary>Static files: <c>api.Http.Static("/assets", "wwwroot")</c> (hug's <c>@hug.static</c>).</summary>
public static class HttpRouterStaticExtensions
{
    extension(HttpRouter router)
    {
        /// <summary>
        /// Serves the files of <paramref name="folder"/> (relative to the content root, the current directory under
        /// <c>serve</c>) under <paramref name="urlPrefix"/>, with ASP.NET Core's static file middleware: content types by
        /// extension, ETag and Last-Modified, ranges, <c>index.html</c> for a folder. Nothing outside the folder is
        /// reachable: not by <c>..</c> (encoded or not), nor an absolute path, nor a link pointing out of it; hidden and
        /// dot files are not served. A file that is not there gets the API's 404.
        /// </summary>
        public HugApi Static(string urlPrefix, string folder)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(urlPrefix);
            ArgumentException.ThrowIfNullOrWhiteSpace(folder);
            var prefix = "/" + urlPrefix.Trim('/');
            if (prefix.Contains('{') || prefix.Contains('*'))
                throw new HugConfigurationException($"Static files: '{urlPrefix}' is a URL prefix, not a route template.");
            var api = router.RegisteredOn;
            if (api.Http().StaticFolders.Any(f => string.Equals(f.UrlPrefix, prefix, StringComparison.OrdinalIgnoreCase)))
                throw new HugConfigurationException($"Static files: '{prefix}' already serves a folder.");
            api.Http().StaticFolders.Add(new StaticFolder(prefix == "/" ? "" : prefix, folder));
            api.Http().MapStaticFolders = StaticFileEndpoints.Map;
            return api;
        }
    }
}
