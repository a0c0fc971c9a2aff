
namespace Hug;

/// <summary>
/// A chainable, immutable HTTP router: every option is a method returning a new router, and
/// <see cref="Get"/>, <see cref="Post"/> … register a delegate with the options gathered so far.
/// <code>var v2 = api.Http.Versions(2); v2.Get("/add", Addition.Add);</code>
/// </summary>
public sealed record HttpRouter : Router<HttpRouteOptions>
{
    internal HttpRouter(HugApi api, HttpRouteOptions options) : base(api, options)
    {
    }

    /// <summary>A router that adds these URL templates.</summary>
    public HttpRouter Urls(params string[] urls) => this with { Options = Options with { Urls = [.. Options.Urls, .. urls] } };

    /// <summary>A router that accepts these HTTP methods.</summary>
    public HttpRouter Accept(params string[] methods) => this with { Options = Options with { Methods = [.. methods] } };

    /// <summary>A router whose results pass through <paramref name="transform"/> (after any earlier ones).</summary>
    public HttpRouter Transform(ITransform transform) => this with { Options = Options with { Transforms = [.. Options.Transforms, transform] } };

    /// <summary>A router whose routes serve these API versions.</summary>
    public HttpRouter Versions(params int[] versions) => this with { Options = Options with { Versions = [.. versions] } };

    /// <summary>A router whose successful responses have this status.</summary>
    public HttpRouter Status(int status) => this with { Options = Options with { Status = status } };

    /// <summary>A router that documents these example query strings.</summary>
    public HttpRouter Examples(params string[] examples) => this with { Options = Options with { Examples = [.. Options.Examples, .. examples] } };

    /// <summary>A router whose routes need these requirements (on HTTP, where each applies).</summary>
    public HttpRouter Requires(params Requirement[] requirements) => this with { Options = Options with { Requires = [.. Options.Requires, .. requirements] } };

    /// <summary>A router whose routes offer these output formats (by name), the first being the default.</summary>
    public HttpRouter Formats(params string[] formats) => this with { Options = Options with { Formats = [.. formats] } };

    /// <summary>A router whose successful responses carry this header.</summary>
    public HttpRouter Header(string name, string value) => this with { Options = Options with { Headers = [.. Options.Headers, $"{name}: {value}"] } };

    /// <summary>A router whose successful responses carry this Cache-Control (<c>public, max-age=60</c>).</summary>
    public HttpRouter CacheControl(string value) => Header("Cache-Control", value);

    /// <summary>A router whose <c>byte[]</c> and <c>Stream</c> results have this Content-Type.</summary>
    public HttpRouter ContentType(string contentType) => this with { Options = Options with { ContentType = contentType } };

    /// <summary>A router whose routes are hidden from the documentation.</summary>
    public HttpRouter Private(bool isPrivate = true) => this with { Options = Options with { Private = isPrivate } };

    /// <summary>Registers the handler with this router's options as they are.</summary>
    public HttpRouter Route(Delegate handler)
    {
        Api.Register(handler, Options);
        return this;
    }

    /// <summary>Registers the handler on GET at <paramref name="url"/>.</summary>
    public HttpRouter Get(string url, Delegate handler) => On("GET", url, handler);

    /// <summary>Registers the handler on POST at <paramref name="url"/>.</summary>
    public HttpRouter Post(string url, Delegate handler) => On("POST", url, handler);

    /// <summary>Registers the handler on PUT at <paramref name="url"/>.</summary>
    public HttpRouter Put(string url, Delegate handler) => On("PUT", url, handler);

    /// <summary>Registers the handler on PATCH at <paramref name="url"/>.</summary>
    public HttpRouter Patch(string url, Delegate handler) => On("PATCH", url, handler);

    /// <summary>Registers the handler on DELETE at <paramref name="url"/>.</summary>
    public HttpRouter Delete(string url, Delegate handler) => On("DELETE", url, handler);

    private HttpRouter On(string method, string url, Delegate handler)
    {
        Api.Register(handler, Options with { Methods = [method], Urls = [url] });
        return this;
    }
}
