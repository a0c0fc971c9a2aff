using System.Collections.Immutable;

namespace Hug;

/// <summary>The immutable options of one HTTP route: hug's router options as a C# record.</summary>
public sealed record HttpRouteOptions
{
    internal static readonly ImmutableArray<string> AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly HashSet<string> KnownMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>URL templates; empty means <c>/</c> plus the method name in kebab case.</summary>
    public ImmutableArray<string> Urls { get; init; } = [];

    /// <summary>Accepted HTTP methods.</summary>
    public ImmutableArray<string> Methods { get; init; } = ["GET"];

    /// <summary>Example query strings for the documentation.</summary>
    public ImmutableArray<string> Examples { get; init; } = [];

    /// <summary>API versions served; empty means every version.</summary>
    public ImmutableArray<int> Versions { get; init; } = [];

    /// <summary>Status code of a successful response; null means 200 (204 without a result).</summary>
    public int? Status { get; init; }

    /// <summary>Whether the route is left out of the documentation.</summary>
    public bool Private { get; init; }

    /// <summary>Output formats offered by name, the default first; empty means JSON only.</summary>
    public ImmutableArray<string> Formats { get; init; } = [];

    /// <summary>The Content-Type of <c>byte[]</c> and <c>Stream</c> results.</summary>
    public string? ContentType { get; init; }

    /// <summary>Headers added to successful responses, each <c>"Name: value"</c>.</summary>
    public ImmutableArray<string> Headers { get; init; } = [];

    /// <summary>Transforms applied to results, in order.</summary>
    public ImmutableArray<ITransform> Transforms { get; init; } = [];

    /// <summary>Requirements of the routes registered with these options.</summary>
    public ImmutableArray<Requirement> Requires { get; init; } = [];

    /// <summary>Value equality, element by element, for the array options too.</summary>
    public bool Equals(HttpRouteOptions? other) =>
        other is not null && Urls.SequenceEqual(other.Urls) && Methods.SequenceEqual(other.Methods) && Examples.SequenceEqual(other.Examples)
        && Versions.SequenceEqual(other.Versions) && Status == other.Status && Private == other.Private && Requires.SequenceEqual(other.Requires) && Transforms.SequenceEqual(other.Transforms) && Formats.SequenceEqual(other.Formats)
        && ContentType == other.ContentType && Headers.SequenceEqual(other.Headers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(string.Join(',', Urls), string.Join(',', Methods), string.Join(',', Versions), Status, Private);

    /// <summary>Checks the options, naming the method and the option on any problem.</summary>
    internal HttpRouteOptions Validate(string methodName)
    {
        if (Methods.IsDefaultOrEmpty)
            throw new HugConfigurationException($"{methodName}: option 'Methods' is empty; name at least one HTTP method.");
        var methods = ImmutableArray.CreateBuilder<string>(Methods.Length);
        foreach (var name in Methods)
        {
            var method = name.Trim().ToUpperInvariant();
            if (!KnownMethods.Contains(method))
                throw new HugConfigurationException($"{methodName}: unknown HTTP method '{method}' in option 'Methods'; use one of {string.Join(", ", KnownMethods)}.");
            if (methods.Contains(method))
                throw new HugConfigurationException($"{methodName}: option 'Methods' names {method} twice.");
            methods.Add(method);
        }
        foreach (var url in Urls)
            if (string.IsNullOrWhiteSpace(url) || url[0] != '/')
                throw new HugConfigurationException($"{methodName}: URL '{url}' must start with '/'.");
        for (var i = 0; i < Versions.Length; i++)
        {
            if (Versions[i] < 1)
                throw new HugConfigurationException($"{methodName}: version {Versions[i]} in option 'Versions' must be 1 or more.");
            if (Versions.IndexOf(Versions[i]) != i)
                throw new HugConfigurationException($"{methodName}: option 'Versions' names version {Versions[i]} twice.");
        }
        foreach (var header in Headers)
            if (header.IndexOf(':') is <= 0)
                throw new HugConfigurationException($"{methodName}: header '{header}' must be written 'Name: value'.");
        if (Status is { } status && (status < 100 || status > 599))
            throw new HugConfigurationException($"{methodName}: option 'Status' is {status}; an HTTP status is between 100 and 599.");
        return this with { Methods = methods.MoveToImmutable() };
    }
}
