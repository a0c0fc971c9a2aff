using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// Writes a JSON body with its Content-Length: serialised into a per-thread buffer (synchronously,
/// so no other request can share it), copied into the response's pipe, then flushed.
/// </summary>
/// <remarks>
/// Writes and flushes pass no <c>RequestAborted</c>: Kestrel ends a pending flush itself when the connection goes
/// (client gone, <c>MinResponseDataRate</c>), and asking for the token costs a feature lookup on every request
/// (3.7 k instructions of a 110 k GET, measured with callgrind: benchmarks/RESULTS.md, session 11).
/// </remarks>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";
    private const int KeepBufferUpTo = 64 * 1024;
    private static readonly JsonWriterOptions ProblemOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? compact;
    [ThreadStatic] private static Utf8JsonWriter? indented;

    /// <summary>
    /// A result serialised by System.Text.Json with the API's options. A value with no members
    /// (number, string, bool, …) goes straight through its converter, skipping the serializer's
    /// per-call set-up; objects and collections go through <see cref="JsonSerializer"/>, and so do floating-point
    /// numbers (a converter called directly ignores the options' number handling, which writes NaN as "NaN").
    /// </summary>
    public static ValueTask<FlushResult> WriteAsync<T>(HttpContext http, int status, T value, JsonTypeInfo<T> typeInfo) =>
        WriteAsync(http, status, ContentType, (value, typeInfo), static (writer, state) =>
        {
            if (typeof(T) != typeof(object) && !IsFloatingPoint<T>() && state.typeInfo.Kind == JsonTypeInfoKind.None && state.value is not null && state.typeInfo.Converter is JsonConverter<T> converter && !converter.HandleNull)
                converter.Write(writer, state.value, state.typeInfo.Options);
            else
                JsonSerializer.Serialize(writer, state.value, state.typeInfo);
        }, new JsonWriterOptions { Indented = typeInfo.Options.WriteIndented, Encoder = typeInfo.Options.Encoder, SkipValidation = true });

    private static bool IsFloatingPoint<T>() =>
        typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(double?) || typeof(T) == typeof(float?) || typeof(T) == typeof(Half);

    /// <summary>A body rendered already, with its status, Content-Type and Content-Length.</summary>
    public static ValueTask WriteBodyAsync(HttpContext http, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body);
    }

    /// <summary>A handler's <see cref="ErrorResponse"/>: its status, and its body as JSON when there is one.</summary>
    public static ValueTask WriteAsync(HttpContext http, ErrorResponse answer, JsonSerializerOptions json)
    {
        if (answer.Body is not null)
            return WriteBodyAsync(http, answer.Status, ContentType, JsonSerializer.SerializeToUtf8Bytes(answer.Body, json.GetTypeInfo(answer.Body.GetType())));
        http.Response.StatusCode = answer.Status;
        return ValueTask.CompletedTask;
    }

    /// <summary>A body written by hand with a <see cref="Utf8JsonWriter"/> (problem details).</summary>
    public static ValueTask<FlushResult> WriteAsync<TState>(HttpContext http, int status, string contentType, TState state, Action<Utf8JsonWriter, TState> write) =>
        WriteAsync(http, status, contentType, state, write, ProblemOptions);

    private static ValueTask<FlushResult> WriteAsync<TState>(HttpContext http, int status, string contentType, TState state,
        Action<Utf8JsonWriter, TState> write, JsonWriterOptions options)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(256);
        var writer = WriterFor(options, bytes);
        try
        {
            write(writer, state);
            writer.Flush();
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength = bytes.WrittenCount;
            response.BodyWriter.Write(bytes.WrittenSpan);
        }
        finally
        {
            writer.Reset();
            if (bytes.Capacity > KeepBufferUpTo) buffer = null;
            else bytes.ResetWrittenCount();
        }
        return http.Response.BodyWriter.FlushAsync();
    }

    private static Utf8JsonWriter WriterFor(JsonWriterOptions options, ArrayBufferWriter<byte> bytes)
    {
        ref var cached = ref options.Indented ? ref indented : ref compact;
        if (cached is null || !ReferenceEquals(cached.Options.Encoder, options.Encoder))
            cached = new Utf8JsonWriter(bytes, options);
        else
            cached.Reset(bytes);
        return cached;
    }
}
