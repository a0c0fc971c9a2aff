using Hug.Binding;
using Hug.Documentation;
using Hug.Http;
using Hug.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hug;

/// <summary>Maps a <see cref="HugApi"/> into an ASP.NET Core app: <c>app.MapHug()</c>.</summary>
public static class HugEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every HTTP endpoint of the API (the one registered with <c>AddHug</c> when
    /// <paramref name="api"/> is null), its documentation at <c>/</c> and its 404 documentation.
    /// Returns the group, so ASP.NET Core conventions (authorization, CORS, …) apply to all of them.
    /// </summary>
    public static RouteGroupBuilder MapHug(this IEndpointRouteBuilder endpoints, HugApi? api = null) =>
        MapHug(endpoints, api, ownsApplication: false, out _);

    /// <summary>
    /// As above. With <paramref name="ownsApplication"/> (<c>serve</c>) no catch-all fallback route is
    /// mapped: the caller runs <paramref name="notFound"/> as the pipeline's last step instead. A
    /// <c>{*path}</c> route is a candidate of every request, and the matcher fills its route values
    /// (a dictionary and a string per request) before it knows a better route wins.
    /// </summary>
    internal static RouteGroupBuilder MapHug(IEndpointRouteBuilder endpoints, HugApi? api, bool ownsApplication, out RequestDelegate notFound)
    {
        var services = endpoints.ServiceProvider;
        api ??= services.GetService<HugApi>()
            ?? throw new InvalidOperationException("No HugApi is registered: call services.AddHug() or pass the API to MapHug(api).");
        // The app's container decides which parameters are services, for the binders, the docs and every other interface.
        api.UseContainer(services.GetService<IServiceProviderIsService>());
        api.Http().Mapped = true;
        Documentation.ApiDocumentation.Provide(api);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hug");
        var development = services.GetService<IHostEnvironment>()?.IsDevelopment() == true;

        var httpEndpoints = new List<HttpEndpoint>();
        foreach (var descriptor in api.Endpoints.Where(e => e.Http.Length > 0))
        {
            var binders = ParameterBinder.For(descriptor, api);
            var invoker = InvokerCompiler.Compile(descriptor, binders);
            foreach (var route in descriptor.Http)
                httpEndpoints.Add(HttpEndpoint.Create(descriptor, route, new HttpEndpointPlan(api.FormatsFor(descriptor, route), invoker, api, logger, development)));
        }
        if (api.Endpoints.Any(e => e.Takes(Introspection.ContextValue.Session)) && !Sessions.SessionDoor.IsOpen) throw Sessions.SessionDoor.Closed();
        var table = HttpRouteTable.Build(httpEndpoints);
        var notFoundResponder = new NotFoundResponder(api, table);
        notFound = notFoundResponder.RespondAsync;
        var group = endpoints.MapGroup("");

        foreach (var resource in table.Resources)
        {
            // Each template, its URL-suffix forms (/add.txt), and both again under every /vN prefix.
            var forms = new List<(string Template, string? Suffix)> { (resource.Template, null) };
            if (resource.Template != "/" && !resource.Template.EndsWith('}'))
                forms.AddRange(resource.Methods.SelectMany(m => m.Handlers.All).SelectMany(e => e.Formats)
                    .Select(f => f.Suffix).OfType<string>().Distinct().Select(s => ($"{resource.Template}.{s}", (string?)s)));
            foreach (var (template, suffix) in forms)
            {
                var unversioned = group.Map(template, new UrlDispatcher(resource, null, notFoundResponder, table.Versions.Length > 0, suffix).DispatchAsync)
                    .WithDisplayName($"Hug {template}");
                if (suffix is null) unversioned.WithMetadata(new OpenApi.HugRouteMetadata(api, resource, null, table.Versions.Length > 0));
                foreach (var version in table.Versions)
                {
                    var versioned = group.Map($"/v{version}{(template == "/" ? "" : template)}", new UrlDispatcher(resource, version, notFoundResponder, versioned: true, suffix).DispatchAsync)
                        .WithDisplayName($"Hug /v{version}{template}");
                    if (suffix is null) versioned.WithMetadata(new OpenApi.HugRouteMetadata(api, resource, version, true));
                }
            }
        }
        var webSockets = api.WebSocketEndpoints.ToList();
        if (api.ServesSocketCalls)
            webSockets.Add(new WebSocketRegistration(typeof(Hug.WebSockets.CallsEndpoint), new WebSocketAttribute(api.Options.WebSocketCallPath),
                Hug.Generation.GeneratedCalls.Factory<Hug.WebSockets.CallsEndpoint>));
        foreach (var (type, route, factory) in webSockets)
        {
            var requirements = api.RequirementsFor(type.Name, type.GetCustomAttributes<RequiresAttribute>(), HugInterfaces.Http | HugInterfaces.WebSocket, []);
            var handler = new Hug.WebSockets.WebSocketHandler(type, factory(), route.Path, route.AllowedOrigins ?? [], requirements, api, api.Hub, logger);
            group.Map(route.Path, handler.HandleAsync).WithDisplayName($"Hug WebSocket {route.Path}");
        }
        if (webSockets.Count > 0) CloseOnShutdown(services, api);
        api.Hub.StartBackplane(); // served: the other instances' broadcasts reach this one's connections from now on
        api.Http().MapStaticFolders?.Invoke(group, api.Http().StaticFolders, notFound);
        if (api.Options.RootDocumentation && !table.Resources.Any(r => r.Template == "/"))
        {
            MapDocumentation(group, "/", api, table, table.LatestVersion);
            foreach (var version in table.Versions)
                MapDocumentation(group, $"/v{version}", api, table, version);
        }
        MapServerOptions(group, table, notFound, documentedAtRoot: api.Options.RootDocumentation && !table.Resources.Any(r => r.Template == "/"));
        if (!ownsApplication && (api.Options.NotFoundDocumentation || api.Http().NotFoundHandlers.Count > 0 || api.Http().MountedNotFound.Count > 0))
            group.MapFallback("{*path}", notFound).WithDisplayName("Hug not found");
        return group;
    }

    /// <summary>
    /// When the host stops, every WebSocket connection is told so (1001, "Going away") rather than cut when the shutdown
    /// timeout ends: clients see a clean close and can reconnect elsewhere, and the host stops without waiting for them.
    /// </summary>
    private static void CloseOnShutdown(IServiceProvider services, HugApi api)
    {
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
            lifetime.ApplicationStopping.Register(static state => ((HugApi)state!).Hub.CloseAll(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "Server shutting down"), api);
    }

    /// <summary>
    /// <c>OPTIONS *</c> (RFC 9110 §9.3.7: what the server supports at all) answers 204 with every method the API serves.
    /// Its path is empty, which routing matches as <c>/</c>: this endpoint takes OPTIONS at <c>/</c> before the one there
    /// (unless a method of the API answers OPTIONS / itself), and answers <c>OPTIONS /</c> as that URL's own Allow.
    /// </summary>
    private static void MapServerOptions(RouteGroupBuilder group, HttpRouteTable table, RequestDelegate notFound, bool documentedAtRoot)
    {
        var root = table.Resources.FirstOrDefault(r => r.Template == "/");
        if (root is not null && root.TryGetHandlers(HttpMethods.Options, out _)) return;
        var methods = table.Resources.SelectMany(r => r.Methods.Select(m => m.Method)).ToList();
        if (documentedAtRoot) methods.Add(HttpMethods.Get);
        var everything = UrlResource.AllowOf([.. methods.Distinct(StringComparer.OrdinalIgnoreCase)]);
        var atRoot = root?.Allow ?? (documentedAtRoot ? UrlResource.AllowOf([HttpMethods.Get]) : null);
        group.MapMethods("/", [HttpMethods.Options], (RequestDelegate)(http =>
            {
                if (http.Features.Get<IHttpRequestFeature>()?.RawTarget == "*") return UrlDispatcher.AnswerOtherMethod(http, everything);
                return atRoot is not null ? UrlDispatcher.AnswerOtherMethod(http, atRoot) : notFound(http);
            }))
            .WithOrder(-1)
            .WithDisplayName("Hug OPTIONS *");
    }

    /// <summary>hug's JSON documentation at <paramref name="url"/>, or the page for a browser (each made at its first request).</summary>
    private static void MapDocumentation(RouteGroupBuilder group, string url, HugApi api, HttpRouteTable table, int? version)
    {
        var json = new Lazy<byte[]>(() => HugDocumentation.Serialize(HugDocumentation.Build(api, table, version)));
        var page = new Lazy<byte[]>(() => DocsPage.Render(api, HugDocumentation.Build(api, table, version)));
        var allow = UrlResource.AllowOf([HttpMethods.Get]);
        // Every method, so the others get Hug's 405 (problem body, full Allow) rather than routing's bare one.
        group.Map(url, (RequestDelegate)(http =>
            {
                if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return UrlDispatcher.AnswerOtherMethod(http, allow);
                http.Response.Headers.Vary = "Accept";
                return DocsPage.Wanted(http.Request)
                    ? DocsPage.WriteAsync(http, api, StatusCodes.Status200OK, page.Value)
                    : JsonResponse.WriteBodyAsync(http, StatusCodes.Status200OK, JsonResponse.ContentType, json.Value).AsTask();
            }))
            .WithDisplayName($"Hug documentation {url}");
    }
}

/// <summary>Registers a <see cref="HugApi"/> with DI: <c>builder.Services.AddHug()</c>.</summary>
public static class HugServiceCollectionExtensions
{
    /// <summary>Registers the entry assembly's attributed endpoints, then lets <paramref name="configure"/> add more.</summary>
    public static IServiceCollection AddHug(this IServiceCollection services, Action<HugApi>? configure = null)
    {
        var api = HugApi.FromProgram();
        configure?.Invoke(api);
        return services.AddHug(api);
    }

    /// <summary>Registers this API.</summary>
    public static IServiceCollection AddHug(this IServiceCollection services, HugApi api)
    {
        services.AddSingleton(api);
        services.AddSingleton<IWebSocketHub>(api.Hub);
        services.AddRouting();
        services.AddHostedService(_ => new Hug.Hosting.StartupHostedService(api));
        // Hug's endpoints in ApiExplorer, for AddOpenApi() and every other tool that reads it.
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, OpenApi.HugApiDescriptionProvider>());
        return services;
    }
}
