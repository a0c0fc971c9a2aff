using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// Writes a JSON result with its Content-Length: serialised into a per-thread buffer (synchronously,
/// so no other request can share it), copied into the response's pipe, then flushed.
/// </summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";
    private const int KeepBufferUpTo = 64 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? compact;
    [ThreadStatic] private static Utf8JsonWriter? indented;

    public static ValueTask<System.IO.Pipelines.FlushResult> WriteAsync<T>(HttpContext http, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(256);
        var writer = WriterFor(typeInfo.Options, bytes);
        try
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = ContentType;
            response.ContentLength = bytes.WrittenCount;
            response.BodyWriter.Write(bytes.WrittenSpan);
        }
        finally
        {
            writer.Reset();
            if (bytes.Capacity > KeepBufferUpTo) buffer = null;
            else bytes.ResetWrittenCount();
        }
        return http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static Utf8JsonWriter WriterFor(JsonSerializerOptions options, ArrayBufferWriter<byte> bytes)
    {
        ref var cached = ref options.WriteIndented ? ref indented : ref compact;
        if (cached is null || !ReferenceEquals(cached.Options.Encoder, options.Encoder))
            cached = new Utf8JsonWriter(bytes, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder, SkipValidation = true });
        else
            cached.Reset(bytes);
        return cached;
    }
}
