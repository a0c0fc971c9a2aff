using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hug;

/// <summary>
/// A request body format beyond the built-in JSON, form-urlencoded, multipart and text/plain:
/// register it with <c>api.AddInputFormat(format)</c>; the values it reads bind to parameters by
/// name, like form fields. Throw <see cref="FormatException"/> on a malformed body (a 400 naming it).
/// </summary>
public abstract class InputFormat(string mediaType)
{
    /// <summary>The Content-Type it reads (<c>text/csv</c>).</summary>
    public string MediaType { get; } = mediaType;

    /// <summary>Reads the body into parameter values.</summary>
    public abstract ValueTask<IReadOnlyDictionary<string, StringValues>> ReadAsync(HttpRequest request, CancellationToken cancellationToken);
}
