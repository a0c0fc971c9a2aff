using Microsoft.AspNetCore.Http;
using Hug.Introspection;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hug.Http;

/// <summary>
/// Every HTTP route of an API: URL template → method → version → endpoint, checked at start-up for
/// duplicates, ambiguous templates and route parameters that match no method parameter.
/// </summary>
internal sealed class HttpRouteTable
{
    private HttpRouteTable(UrlResource[] resources, int[] versions)
    {
        Resources = resources;
        Versions = versions;
    }

    public UrlResource[] Resources { get; }

    /// <summary>Every version any route declares, ascending; empty for an unversioned API.</summary>
    public int[] Versions { get; }

    public int? LatestVersion => Versions.Length == 0 ? null : Versions[^1];

    public static HttpRouteTable Build(IEnumerable<HttpEndpoint> endpoints)
    {
        var resources = new Dictionary<string, UrlResource>(StringComparer.OrdinalIgnoreCase);
        var order = new List<UrlResource>();
        var versions = new SortedSet<int>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.Route;
            var urls = route.UrlsFor(endpoint.Descriptor.Name);
            foreach (var url in urls)
            {
                var template = Normalize(url);
                var shape = Shape(template, endpoint.Descriptor);
                if (!resources.TryGetValue(shape, out var resource))
                {
                    resource = new UrlResource(template);
                    resources.Add(shape, resource);
                    order.Add(resource);
                }
                else if (!string.Equals(resource.Template, template, StringComparison.OrdinalIgnoreCase))
                {
                    throw new HugConfigurationException(
                        $"{endpoint.Descriptor.DisplayName}: URL '{template}' is ambiguous with '{resource.Template}' ({resource.AnyEndpoint.Descriptor.DisplayName}); use one name for the route parameter.");
                }
                foreach (var method in route.Methods)
                    resource.Add(method, route.Versions.Count == 0 ? null : route.Versions, endpoint);
            }
            versions.UnionWith(route.Versions);
        }
        return new HttpRouteTable([.. order], [.. versions]);
    }

    private static string Normalize(string url) => url.Length > 1 ? url.TrimEnd('/') : url;

    /// <summary>The template with parameter names erased, so <c>/u/{id}</c> and <c>/u/{name}</c> collide.</summary>
    private static string Shape(string template, EndpointDescriptor endpoint)
    {
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(template);
        }
        catch (RoutePatternException exception)
        {
            throw new HugConfigurationException($"{endpoint.DisplayName}: URL '{template}' is not a valid route template: {exception.Message}");
        }
        foreach (var parameter in pattern.Parameters)
            if (!endpoint.Parameters.Any(p => p.IsInput && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                throw new HugConfigurationException(
                    $"{endpoint.DisplayName}: route parameter '{{{parameter.Name}}}' in '{template}' matches no parameter of the method.");
        return string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content.ToLowerInvariant(),
            RoutePatternParameterPart parameter => parameter.IsCatchAll ? "{**}" : "{}",
            _ => "?",
        }))));
    }
}

/// <summary>One URL template and the endpoints answering its methods.</summary>
internal sealed class UrlResource(string template)
{
    private readonly List<(string Method, MethodHandlers Handlers)> methods = [];

    public string Template { get; } = template;

    public string Allow { get; private set; } = "";

    public IEnumerable<(string Method, MethodHandlers Handlers)> Methods => methods;

    public HttpEndpoint AnyEndpoint => methods[0].Handlers.All.First();

    public bool TryGetHandlers(string method, out MethodHandlers handlers)
    {
        foreach (var (name, candidate) in methods)
            if (ReferenceEquals(name, method) || string.Equals(name, method, StringComparison.OrdinalIgnoreCase))
            {
                handlers = candidate;
                return true;
            }
        handlers = null!;
        return false;
    }

    public void Add(string method, IReadOnlyList<int>? versions, HttpEndpoint endpoint)
    {
        if (!TryGetHandlers(method, out var handlers))
        {
            handlers = new MethodHandlers();
            methods.Add((method, handlers));
            Allow = AllowOf(methods.Select(m => m.Method).ToList());
        }
        handlers.Add(versions, endpoint, $"{method} {Template}");
    }

    /// <summary>
    /// Every method the URL answers (RFC 9110: the <c>Allow</c> of a 405 and of OPTIONS): its own, HEAD wherever GET is
    /// (served by GET's handler), and OPTIONS (answered by the dispatcher).
    /// </summary>
    public static string AllowOf(List<string> declared)
    {
        var allowed = new List<string>(declared);
        if (allowed.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !allowed.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            allowed.Insert(allowed.FindIndex(m => HttpMethods.IsGet(m)) + 1, HttpMethods.Head);
        if (!allowed.Contains(HttpMethods.Options, StringComparer.OrdinalIgnoreCase)) allowed.Add(HttpMethods.Options);
        return string.Join(", ", allowed);
    }
}

/// <summary>The endpoints of one URL and method: one for no version, one per declared version.</summary>
internal sealed class MethodHandlers
{
    private readonly SortedDictionary<int, HttpEndpoint> versioned = [];

    public HttpEndpoint? Unversioned { get; private set; }

    public IEnumerable<HttpEndpoint> All => (Unversioned is null ? [] : new[] { Unversioned }).Concat(versioned.Values);

    /// <summary>
    /// The endpoint for a requested version, else the one declared for no version; with none requested, only that one
    /// (as hug: a URL served only for some versions is not found without one, rather than silently the latest).
    /// </summary>
    public HttpEndpoint? Resolve(int? version) =>
        version is { } v ? versioned.GetValueOrDefault(v) ?? Unversioned : Unversioned;

    public void Add(IReadOnlyList<int>? versions, HttpEndpoint endpoint, string route)
    {
        if (versions is null)
        {
            if (Unversioned is { } existing && existing.Descriptor != endpoint.Descriptor)
                throw Duplicate(existing, endpoint, route);
            Unversioned = endpoint;
            return;
        }
        foreach (var version in versions)
        {
            if (versioned.TryGetValue(version, out var existing) && existing.Descriptor != endpoint.Descriptor)
                throw Duplicate(existing, endpoint, $"{route} (version {version})");
            versioned[version] = endpoint;
        }
    }

    private static HugConfigurationException Duplicate(HttpEndpoint first, HttpEndpoint second, string route) =>
        new($"{second.Descriptor.DisplayName}: duplicate route {route}, already taken by {first.Descriptor.DisplayName}.");
}
