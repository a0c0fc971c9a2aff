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
            var files = new ContainedFileProvider(Root(folder, contentRoot));
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
            // Every other method, as on Hug's other URLs: OPTIONS 204 with Allow, the rest Hug's 405 problem (after the
            // route above: a later order only breaks the tie on GET and HEAD).
            endpoints.Map(folder.UrlPrefix + "/{**path}", static http => Http.UrlDispatcher.AnswerOtherMethod(http, Allow))
                .WithOrder(1)
                .WithDisplayName($"Hug static files {folder.UrlPrefix}/ (other methods)");
        }
    }

    private const string Allow = "GET, HEAD, OPTIONS";

    /// <summary>
    /// The folder's full path: as given when absolute; else under the content root (the current directory under
    /// <c>serve</c>), else beside the program (a folder copied to the output, run from elsewhere).
    /// </summary>
    private static string Root(StaticFolder folder, string contentRoot)
    {
        string[] candidates = Path.IsPathRooted(folder.Folder)
            ? [folder.Folder]
            : [Path.Combine(contentRoot, folder.Folder), Path.Combine(AppContext.BaseDirectory, folder.Folder)];
        foreach (var candidate in candidates)
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        throw new HugConfigurationException(
            $"Static files for '{(folder.UrlPrefix.Length == 0 ? "/" : folder.UrlPrefix)}': the folder '{folder.Folder}' was not found ({string.Join(", nor ", candidates.Select(Path.GetFullPath))}).");
    }
}
