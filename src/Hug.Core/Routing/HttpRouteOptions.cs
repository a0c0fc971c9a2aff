
namespace Hug;

/// <summary>The immutable options of one HTTP route: hug's router options as a C# record.</summary>
public sealed record HttpRouteOptions
{
    internal static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] KnownMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>URL templates; empty means <c>/</c> plus the method name in kebab case.</summary>
    public IReadOnlyList<string> Urls { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>The URLs this route serves for endpoint <paramref name="endpointName"/>: its own, or <c>/</c> + the name in kebab case.</summary>
    internal IReadOnlyList<string> UrlsFor(string endpointName) => Urls.Count == 0 ? ["/" + Introspection.Naming.Kebab(endpointName)] : Urls;

    /// <summary>Accepted HTTP methods.</summary>
    public IReadOnlyList<string> Methods { get; init => field = ReadOnly.Copy(value); } = new[] { "GET" };

    /// <summary>Example query strings for the documentation.</summary>
    public IReadOnlyList<string> Examples { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>API versions served; empty means every version.</summary>
    public IReadOnlyList<int> Versions { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Status code of a successful response; null means 200 (204 without a result).</summary>
    public int? Status { get; init; }

    /// <summary>Whether the route is left out of the documentation.</summary>
    public bool Private { get; init; }

    /// <summary>Output formats offered by name, the default first; empty means JSON only.</summary>
    public IReadOnlyList<string> Formats { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>The Content-Type of <c>byte[]</c> and <c>Stream</c> results.</summary>
    public string? ContentType { get; init; }

    /// <summary>Headers added to successful responses, each <c>"Name: value"</c>.</summary>
    public IReadOnlyList<string> Headers { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Transforms applied to results, in order.</summary>
    public IReadOnlyList<ITransform> Transforms { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Requirements of the routes registered with these options.</summary>
    public IReadOnlyList<Requirement> Requires { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Value equality, element by element, for the array options too.</summary>
    public bool Equals(HttpRouteOptions? other) =>
        other is not null && Urls.SequenceEqual(other.Urls) && Methods.SequenceEqual(other.Methods) && Examples.SequenceEqual(other.Examples)
        && Versions.SequenceEqual(other.Versions) && Status == other.Status && Private == other.Private && Requires.SequenceEqual(other.Requires) && Transforms.SequenceEqual(other.Transforms) && Formats.SequenceEqual(other.Formats)
        && ContentType == other.ContentType && Headers.SequenceEqual(other.Headers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(string.Join(',', Urls), string.Join(',', Methods), string.Join(',', Versions), Status, Private);

    private static bool IsKnownMethod(string method) => method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS";

    /// <summary>Checks the options, naming the method and the option on any problem.</summary>
    internal HttpRouteOptions Validate(string methodName)
    {
        if (Methods.Count == 0)
            throw new HugConfigurationException($"{methodName}: option 'Methods' is empty; name at least one HTTP method.");
        var methods = new string[Methods.Count];
        for (var i = 0; i < methods.Length; i++)
        {
            var method = Methods[i].Trim();
            if (!IsKnownMethod(method)) method = method.ToUpperInvariant(); // only when needed: the first case mapping initialises casing tables
            if (!IsKnownMethod(method))
                throw new HugConfigurationException($"{methodName}: unknown HTTP method '{method}' in option 'Methods'; use one of {string.Join(", ", KnownMethods)}.");
            for (var j = 0; j < i; j++)
                if (methods[j] == method)
                    throw new HugConfigurationException($"{methodName}: option 'Methods' names {method} twice.");
            methods[i] = method;
        }
        for (var i = 0; i < Urls.Count; i++)
            if (string.IsNullOrWhiteSpace(Urls[i]) || Urls[i][0] != '/')
                throw new HugConfigurationException($"{methodName}: URL '{Urls[i]}' must start with '/'.");
        for (var i = 0; i < Versions.Count; i++)
        {
            if (Versions[i] < 1)
                throw new HugConfigurationException($"{methodName}: version {Versions[i]} in option 'Versions' must be 1 or more.");
            for (var j = 0; j < i; j++)
                if (Versions[j] == Versions[i])
                    throw new HugConfigurationException($"{methodName}: option 'Versions' names version {Versions[i]} twice.");
        }
        foreach (var header in Headers)
            if (header.IndexOf(':') is <= 0)
                throw new HugConfigurationException($"{methodName}: header '{header}' must be written 'Name: value'.");
        if (Status is { } status && (status < 100 || status > 599))
            throw new HugConfigurationException($"{methodName}: option 'Status' is {status}; an HTTP status is between 100 and 599.");
        return this with { Methods = methods };
    }
}
