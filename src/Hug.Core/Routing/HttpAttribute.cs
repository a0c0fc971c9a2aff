namespace Hug;

/// <summary>
/// Exposes a method over HTTP. With no URL the route is <c>/</c> plus the method's name in kebab case
/// (<c>GetUserById</c> → <c>/get-user-by-id</c>; an <c>Async</c> suffix is dropped).
/// </summary>
/// <remarks>Every option here is also a method of <see cref="HttpRouter"/> for fluent registration.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public class HttpAttribute : Attribute
{
    private readonly string[]? fixedMethods;

    /// <summary>Exposes the method on GET, POST, PUT, PATCH and DELETE, or on <see cref="Methods"/>.</summary>
    /// <param name="url">The URL template, such as <c>/users/{id}</c>.</param>
    public HttpAttribute(string? url = null)
    {
        Url = url;
        Methods = [.. HttpRouteOptions.AllMethods];
    }

    /// <summary>Used by the one-method attributes such as <see cref="GetAttribute"/>.</summary>
    protected HttpAttribute(string? url, string method)
    {
        Url = url;
        fixedMethods = [method];
        Methods = [method];
    }

    /// <summary>The URL template given to the constructor.</summary>
    public string? Url { get; }

    /// <summary>More URL templates the method answers on.</summary>
    public string[]? Urls { get; set; }

    /// <summary>The HTTP methods accepted (only settable on <c>[Http]</c>).</summary>
    public string[] Methods { get; set; }

    /// <summary>An example query string shown in the documentation, such as <c>a=1&amp;b=2</c>.</summary>
    public string? Examples { get; set; }

    /// <summary>The API versions this method serves (<c>/v1/...</c>, <c>X-Api-Version</c>).</summary>
    public int[]? Versions { get; set; }

    /// <summary>The status code of a successful response (default 200, or 204 for no result).</summary>
    public int Status { get; set; }

    /// <summary>Hides the route from the documentation.</summary>
    public bool Private { get; set; }

    /// <summary>The Content-Type of a <c>byte[]</c> or <c>Stream</c> result (<c>image/png</c>).</summary>
    public string? ContentType { get; set; }

    /// <summary>A Cache-Control header for successful responses (<c>public, max-age=60</c>).</summary>
    public string? CacheControl { get; set; }

    /// <summary>Headers added to successful responses, each <c>"Name: value"</c>.</summary>
    public string[]? Headers { get; set; }

    /// <summary>Output formats offered (<c>json</c>, <c>pretty-json</c>, <c>text</c>, <c>html</c> or registered ones), the default first.</summary>
    public string[]? Formats { get; set; }

    internal HttpRouteOptions ToOptions(string methodName)
    {
        if (fixedMethods is not null && (Methods.Length != 1 || Methods[0] != fixedMethods[0]))
            throw new HugConfigurationException(
                $"{methodName}: option 'Methods' conflicts with [{GetType().Name.Replace("Attribute", "")}], which fixes the method to {fixedMethods[0]}; use [Http(Methods = ...)] instead.");
        string[] urls = Url is null ? Urls ?? [] : [Url, .. Urls ?? []];
        return new HttpRouteOptions
        {
            Urls = urls,
            Methods = (string[])Methods.Clone(),
            Examples = Examples is null ? [] : new[] { Examples },
            Versions = Versions is null ? [] : (int[])Versions.Clone(),
            Status = Status == 0 ? null : Status,
            Private = Private,
            Formats = Formats is null ? [] : (string[])Formats.Clone(),
            ContentType = ContentType,
            Headers = CacheControl is null ? Headers ?? [] : [.. Headers ?? [], "Cache-Control: " + CacheControl],
        };
    }
}

/// <summary>
/// Also makes the method callable over the API's WebSocket call endpoint
/// (<see cref="HugOptions.WebSocketCallPath"/>): <c>{"id": 1, "call": "add", "args": {…}}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SocketCallAttribute : Attribute;

/// <summary>Exposes a method on HTTP GET.</summary>
public sealed class GetAttribute(string? url = null) : HttpAttribute(url, "GET");

/// <summary>Exposes a method on HTTP POST.</summary>
public sealed class PostAttribute(string? url = null) : HttpAttribute(url, "POST");

/// <summary>Exposes a method on HTTP PUT.</summary>
public sealed class PutAttribute(string? url = null) : HttpAttribute(url, "PUT");

/// <summary>Exposes a method on HTTP PATCH.</summary>
public sealed class PatchAttribute(string? url = null) : HttpAttribute(url, "PATCH");

/// <summary>Exposes a method on HTTP DELETE.</summary>
public sealed class DeleteAttribute(string? url = null) : HttpAttribute(url, "DELETE");
