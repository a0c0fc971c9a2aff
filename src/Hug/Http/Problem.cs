using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// An error response: <c>application/problem+json</c> with hug's <c>errors</c> object, so hug
/// clients and RFC 9457 clients read the same body.
/// </summary>
internal sealed record Problem(int Status, string Title, IReadOnlyDictionary<string, string?> Errors, string? Detail = null)
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static Problem Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(400, "Invalid input", errors.ToDictionary(e => e.Key, e => (string?)e.Value));

    public static Problem Invalid(string key, string message) => new(400, "Invalid input", new Dictionary<string, string?> { [key] = message });

    public static Problem UnsupportedMediaType(string? contentType) => new(415, "Unsupported Media Type", new Dictionary<string, string?>
    {
        ["Content-Type"] = contentType is null
            ? "A body was sent without a Content-Type; send application/json, application/x-www-form-urlencoded or multipart/form-data"
            : $"Unsupported content type '{contentType}'; send application/json, application/x-www-form-urlencoded or multipart/form-data",
    });

    public static Problem MethodNotAllowed(string method, string path, string allow) => new(405, "Method Not Allowed", new Dictionary<string, string?>
    {
        ["method"] = $"{method} is not allowed on {path}; allowed: {allow}",
    });

    public static Problem ServerError(string? detail) => new(500, "Internal Server Error", new Dictionary<string, string?>
    {
        ["500 Internal Server Error"] = "The server failed to complete the request; the error has been logged",
    }, detail);

    public Task WriteAsync(HttpContext http)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeUri(Status));
            writer.WriteString("title", Title);
            writer.WriteNumber("status", Status);
            if (Detail is not null) writer.WriteString("detail", Detail);
            writer.WriteStartObject("errors");
            foreach (var (key, message) in Errors) writer.WriteString(key, message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        var response = http.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted).AsTask();
    }

    private static string TypeUri(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => "about:blank",
    };
}
