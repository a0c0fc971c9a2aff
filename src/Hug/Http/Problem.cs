using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// An error response: <c>application/problem+json</c> with hug's <c>errors</c> object, so hug
/// clients and RFC 9457 clients read the same body.
/// </summary>
internal sealed record Problem(int Status, string Title, IReadOnlyDictionary<string, string> Errors, string? Detail = null)
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    /// <summary>The binder's errors, written as they are (no copy).</summary>
    public static Problem Invalid(IReadOnlyDictionary<string, string> errors) => new(400, "Invalid input", errors);

    public static Problem Invalid(string key, string message) => One(400, "Invalid input", key, message);

    public static Problem One(int status, string title, string key, string message) =>
        new(status, title, new Dictionary<string, string>(1) { [key] = message });

    public static Problem UnsupportedMediaType(string? contentType) => One(415, "Unsupported Media Type", "Content-Type", contentType is null
        ? "A body was sent without a Content-Type; send application/json, application/x-www-form-urlencoded or multipart/form-data"
        : $"Unsupported content type '{contentType}'; send application/json, application/x-www-form-urlencoded or multipart/form-data");

    public static Problem MethodNotAllowed(string method, string path, string allow) =>
        One(405, "Method Not Allowed", "method", $"{method} is not allowed on {path}; allowed: {allow}");

    public static Problem ServerError(string? detail) =>
        One(500, "Internal Server Error", "500 Internal Server Error", "The server failed to complete the request; the error has been logged") with { Detail = detail };

    public ValueTask WriteAsync(HttpContext http)
    {
        var flush = JsonResponse.WriteAsync(http, Status, ContentType, this, static (writer, problem) =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeUri(problem.Status));
            writer.WriteString("title", problem.Title);
            writer.WriteNumber("status", problem.Status);
            if (problem.Detail is not null) writer.WriteString("detail", problem.Detail);
            writer.WriteStartObject("errors");
            foreach (var (key, message) in problem.Errors) writer.WriteString(key, message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return flush.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(flush.AsTask());
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
