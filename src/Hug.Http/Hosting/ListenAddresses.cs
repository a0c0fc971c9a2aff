using System.Globalization;
using System.Net;

namespace Hug.Hosting;

/// <summary>
/// Checks where <c>serve</c> is told to listen before Kestrel sees it. Kestrel listens on every interface for any host
/// name but <c>localhost</c> (a typo such as <c>locahost</c> included), so a name is refused: only localhost, an IP
/// address, <c>*</c> or <c>+</c> (every interface, said so) are accepted.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>Why <paramref name="host"/> cannot be listened on (a sentence naming it), or null when it can.</summary>
    public static string? CheckHost(string host) =>
        host is "*" or "+" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Trim('[', ']'), out _)
            ? null
            : $"'{host}' is not localhost, an IP address, '*' or '+' (for a host name Kestrel would listen on every interface)";

    /// <summary>The port <paramref name="port"/> names (a whole number from 0 to 65535), else null.</summary>
    public static int? Port(string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535 ? value : null;

    /// <summary>Why the ';'-separated <paramref name="urls"/> cannot be listened on, or null when every one can.</summary>
    public static string? CheckUrls(string urls)
    {
        var any = false;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            any = true;
            if (CheckUrl(url) is { } problem) return $"'{url}' {problem}";
        }
        return any ? null : "names no URL";
    }

    /// <summary>The ports of the http:// URLs among <paramref name="urls"/> (checked by <see cref="CheckUrls"/>; 80 when unnamed).</summary>
    public static HashSet<int> CleartextPorts(string urls)
    {
        var ports = new HashSet<int>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            var authority = url["http://".Length..].TrimEnd('/');
            var colon = authority.LastIndexOf(':');
            ports.Add(colon > authority.LastIndexOf(']') && Port(authority[(colon + 1)..]) is { } port ? port : 80);
        }
        return ports;
    }

    private static string? CheckUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return "is not a URL (expected http://host:port or https://host:port)";
        var scheme = url[..schemeEnd];
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            return $"has the scheme '{scheme}'; only http and https can be served";
        var rest = url[(schemeEnd + 3)..];
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase)) return null; // a Unix socket: its path, not a host
        if (rest.StartsWith('[') && !rest.Contains(']')) return "has an unclosed '[' in its IPv6 address";
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']) is var end and >= 0 ? end : rest.Length;
        var host = rest[..hostEnd];
        if (host.Length == 0) return "names no host";
        if (CheckHost(host) is { } hostProblem) return $"names a host: {hostProblem}";
        rest = rest[hostEnd..];
        if (rest.StartsWith(':'))
        {
            var portEnd = rest.IndexOf('/') is var slash and >= 0 ? slash : rest.Length;
            if (Port(rest[1..portEnd]) is null) return $"has the port '{rest[1..portEnd]}'; a port is a whole number from 0 to 65535";
            rest = rest[portEnd..];
        }
        return rest is "" or "/" ? null : $"has a path ('{rest}'); listen URLs name a scheme, host and port only";
    }
}
