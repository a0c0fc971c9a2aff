using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.StaticFiles;

/// <summary>
/// Maps each static folder as a route (<c>/assets/{**path}</c>, GET and HEAD) running ASP.NET Core's default-file and
/// static-file middleware, then the API's 404. As a route, not middleware, it works the same in <c>serve</c> and in an
/// app's own <c>MapHug()</c>, and what applies to Hug's endpoints (CORS, rate limits, authorization) applies to it.
/// </summary>
internal static class StaticFileEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IReadOnlyList<StaticFolder> folders, RequestDelegate notFound)
    {
        if (folders.Count == 0) return;
        var contentRoot = endpoints.ServiceProvider.GetService<IWebHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        foreach (var folder in folders)
        {
            var root = Path.GetFullPath(Path.Combine(contentRoot, folder.Folder));
            if (!Directory.Exists(root))
                throw new HugConfigurationException($"Static files for '{(folder.UrlPrefix.Length == 0 ? "/" : folder.UrlPrefix)}': the folder '{root}' does not exist.");
            var files = new ContainedFileProvider(root);
            var branch = endpoints.CreateApplicationBuilder();
            // The middleware serves only requests that no endpoint has claimed; inside this endpoint, none has.
            branch.Use(static next => context =>
            {
                context.SetEndpoint(null);
                return next(context);
            });
            branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = folder.UrlPrefix });
            branch.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = folder.UrlPrefix });
            branch.Run(notFound);
            endpoints.MapMethods(folder.UrlPrefix + "/{**path}", [HttpMethods.Get, HttpMethods.Head], branch.Build())
                .WithDisplayName($"Hug static files {folder.UrlPrefix}/");
        }
    }
}
