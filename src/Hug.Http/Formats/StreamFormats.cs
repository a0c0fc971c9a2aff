using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Hug.Formats;

/// <summary>
/// How an <c>IAsyncEnumerable&lt;T&gt;</c> result is sent: NDJSON (the default), server-sent events
/// when the client asks for <c>text/event-stream</c>, or one JSON array. NDJSON and events are
/// flushed item by item, so the client sees each as it is produced (hug's #443).
/// </summary>
internal sealed class StreamFormat(string mediaType, string? suffix, string description) : OutputFormat(mediaType, mediaType, suffix, description)
{
    public static readonly StreamFormat Ndjson = new("application/x-ndjson", "ndjson", "Newline-delimited JSON, one line per item as it is produced");
    public static readonly StreamFormat Events = new("text/event-stream", null, "Server-sent events, one event per item as it is produced");
    public static readonly IReadOnlyList<OutputFormat> Offered = [Ndjson, Events, Json];

    public override string ContentType => MediaType;

    public override ReadOnlyMemory<byte> Render(object? value, Type type, JsonSerializerOptions json) =>
        throw new NotSupportedException("Streams are written item by item.");
}

/// <summary>Writes the items of one stream type.</summary>
internal interface IStreamWriter
{
    Task WriteAsync(HttpContext http, int status, object stream, OutputFormat format, JsonSerializerOptions json);
}

internal sealed class StreamWriter<TItem> : IStreamWriter
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\n"u8.ToArray();

    public async Task WriteAsync(HttpContext http, int status, object stream, OutputFormat format, JsonSerializerOptions json)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = format.ContentType;
        var items = (IAsyncEnumerable<TItem>)stream;
        if (format == OutputFormat.Json)
        {
            await JsonSerializer.SerializeAsync(response.Body, items, (JsonTypeInfo<IAsyncEnumerable<TItem>>)json.GetTypeInfo(typeof(IAsyncEnumerable<TItem>)), http.RequestAborted);
            return;
        }
        var typeInfo = (JsonTypeInfo<TItem>)json.GetTypeInfo(typeof(TItem));
        var events = format == StreamFormat.Events;
        if (events) response.Headers.CacheControl = "no-cache";
        await response.StartAsync(http.RequestAborted);
        await foreach (var item in items.WithCancellation(http.RequestAborted))
        {
            if (events) response.BodyWriter.Write(DataPrefix);
            response.BodyWriter.Write(JsonSerializer.SerializeToUtf8Bytes(item, typeInfo));
            response.BodyWriter.Write(events ? EventEnd : LineEnd);
            await response.BodyWriter.FlushAsync(http.RequestAborted);
        }
    }
}
