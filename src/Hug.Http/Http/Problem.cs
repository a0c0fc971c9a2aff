using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// An error response: <c>application/problem+json</c> in ASP.NET Core's <c>HttpValidationProblemDetails</c>
/// shape (<c>"errors": {"number_1": ["Invalid whole number provided"]}</c>), so any .NET client reads it as it
/// reads an ASP.NET Core error; the messages are hug's. One message per key: the binder reports a parameter once.
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
        ? "A body was sent without a Content-Type; send application/json, application/x-www-form-urlencoded, multipart/form-data or text/plain"
        : $"Unsupported content type '{contentType}'; send application/json, application/x-www-form-urlencoded, multipart/form-data or text/plain");

    public static Problem MethodNotAllowed(string method, string path, string allow) =>
        One(405, "Method Not Allowed", "method", $"{method} is not allowed on {path}; allowed: {allow}");

    public static Problem ServerError(string? detail) =>
        One(500, "Internal Server Error", "500 Internal Server Error", "The server failed to complete the request; the error has been logged") with { Detail = detail };

    public ValueTask WriteAsync(HttpContext http)
    {
        var flush = JsonResponse.WriteAsync(http, Status, ContentType, this, static (writer, problem) =>
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Type, TypeUri(problem.Status));
            writer.WriteString(Names.Title, problem.Title);
            writer.WriteNumber(Names.Status, problem.Status);
            if (problem.Detail is not null) writer.WriteString(Names.Detail, problem.Detail);
            writer.WriteStartObject(Names.Errors);
            foreach (var (key, message) in problem.Errors)
            {
                writer.WriteStartArray(key);
                writer.WriteStringValue(message);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        return flush.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(flush.AsTask());
    }

    private static JsonEncodedText TypeUri(int status) => status switch
    {
        400 => Names.BadRequest,
        401 => Names.Unauthorized,
        403 => Names.Forbidden,
        404 => Names.NotFound,
        405 => Names.MethodNotAllowed,
        406 => Names.NotAcceptable,
        413 => Names.ContentTooLarge,
        415 => Names.UnsupportedMediaType,
        500 => Names.InternalServerError,
        _ => Names.Blank,
    };

    /// <summary>The body's fixed texts, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
        public static readonly JsonEncodedText BadRequest = Rfc9110("15.5.1");
        public static readonly JsonEncodedText Unauthorized = Rfc9110("15.5.2");
        public static readonly JsonEncodedText Forbidden = Rfc9110("15.5.4");
        public static readonly JsonEncodedText NotFound = Rfc9110("15.5.5");
        public static readonly JsonEncodedText MethodNotAllowed = Rfc9110("15.5.6");
        public static readonly JsonEncodedText NotAcceptable = Rfc9110("15.5.7");
        public static readonly JsonEncodedText ContentTooLarge = Rfc9110("15.5.14");
        public static readonly JsonEncodedText UnsupportedMediaType = Rfc9110("15.5.16");
        public static readonly JsonEncodedText InternalServerError = Rfc9110("15.6.1");
        public static readonly JsonEncodedText Blank = JsonEncodedText.Encode("about:blank");

        private static JsonEncodedText Rfc9110(string section) =>
            JsonEncodedText.Encode("https://tools.ietf.org/html/rfc9110#section-" + section, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }
}
