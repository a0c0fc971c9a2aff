using Hug.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Hug.Formats;

/// <summary>
/// Results that are bodies already: <see cref="FileInfo"/>, <see cref="Stream"/> and <c>byte[]</c>.
/// Files take their content type from the extension; the others from the route's <c>ContentType</c>
/// (else <c>application/octet-stream</c>). Seekable bodies honour <c>Range</c> (206); a missing file is a 404.
/// </summary>
internal static class FileResults
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static bool IsFileResult(Type type) =>
        type == typeof(FileInfo) || type == typeof(byte[]) || typeof(Stream).IsAssignableFrom(type);

    public static Task WriteAsync(HttpContext http, object result, string? declaredContentType) => result switch
    {
        FileInfo { Exists: false } file => Problem.One(404, "Not Found", "file", $"File not found: {file.Name}").WriteAsync(http).AsTask(),
        FileInfo file => Results.File(file.FullName, declaredContentType ?? ContentTypeOf(file.Name), enableRangeProcessing: true).ExecuteAsync(http),
        byte[] bytes => Results.Bytes(bytes, declaredContentType ?? "application/octet-stream", enableRangeProcessing: true).ExecuteAsync(http),
        Stream stream => Results.Stream(stream, declaredContentType ?? "application/octet-stream", enableRangeProcessing: stream.CanSeek).ExecuteAsync(http),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetContentType(fileName, out var contentType) ? contentType : "application/octet-stream";
}
