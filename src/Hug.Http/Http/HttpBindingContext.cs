using System.Text.Json;
using Hug.Binding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hug.Http;

/// <summary>
/// One HTTP request as the binder sees it. A name is looked up body first, then query, then route
/// (hug's precedence: route &lt; query &lt; body).
/// </summary>
internal sealed class HttpBindingContext(HttpContext http, HugApi api, string endpoint, int? version, BodyReading bodyReading) : BindingContext
{
    private bool? hasInputToRead;
    private JsonElement body;
    private bool hasJsonBody;
    private byte[]? wholeJson;
    private IFormCollection? form;
    private IReadOnlyDictionary<string, StringValues>? values;

    /// <summary>The request's DI scope: <c>RequestServices</c> creates it on first use, so a call that needs no service pays nothing.</summary>
    public override IServiceProvider Services => http.RequestServices;

    public override CancellationToken Cancellation => http.RequestAborted;

    /// <summary>A body to read: the endpoint takes inputs and the request has a body.</summary>
    public override bool HasInputToRead => hasInputToRead ??= bodyReading != BodyReading.None && HasBody(http);

    /// <summary>Why the body could not be read, once <see cref="ReadInputAsync"/> returned false.</summary>
    public Problem? InputProblem { get; private set; }

    public override async ValueTask<bool> ReadInputAsync()
    {
        InputProblem = await ReadBodyAsync();
        return InputProblem is null;
    }

    /// <summary>A request the server itself refused (a body too large, bad framing) is answered by the adapter, not by <c>OnException</c>.</summary>
    public override bool OwnsException(Exception exception) => exception is BadHttpRequestException || base.OwnsException(exception);

    public override RawValue GetValue(string name)
    {
        if (hasJsonBody && body.ValueKind == JsonValueKind.Object && TryGetProperty(body, name, out var property))
            return RawValue.FromJson(property);
        if (form is not null && form.TryGetValue(name, out var field))
            return RawValue.FromStrings(field);
        if (values is not null && values.TryGetValue(name, out var read))
            return RawValue.FromStrings(read);
        var request = http.Request;
        if (request.QueryString.HasValue && request.Query.TryGetValue(name, out var query))
            return RawValue.FromStrings(query);
        return request.RouteValues.TryGetValue(name, out var route) && route is string text
            ? RawValue.FromStrings(text)
            : RawValue.Missing;
    }

    protected override CallContext CreateCall() =>
        new(api, endpoint, HugInterfaces.Http, http.RequestServices, http, http.RequestAborted, version, static _ => null)
        {
            AdapterValues = HttpDirectives.Read,
        };

    public override object? AdapterValue(Introspection.ContextValue kind, string parameter) => HttpDirectives.Read(http, kind, parameter);

    public override RawValue GetBody() =>
        wholeJson is not null ? RawValue.FromUtf8(wholeJson) : hasJsonBody ? RawValue.FromJson(body) : RawValue.Missing;

    protected override void RegisterForDispose(object target)
    {
        if (target is IAsyncDisposable asyncDisposable) http.Response.RegisterForDisposeAsync(asyncDisposable);
        else http.Response.RegisterForDispose((IDisposable)target);
    }

    /// <summary>Whether the request has a body: the server knows from the framing (Content-Length or chunked).</summary>
    /// <remarks>
    /// Over HTTP/1.x the headers say it (RFC 9112: a body has a Content-Length or is chunked), so a GET
    /// costs no feature lookup (a chain of type tests in Kestrel's feature collection, 1–4 k instructions:
    /// the one lookup Hug did beyond the Minimal API, benchmarks/RESULTS.md); HTTP/2 and 3 frame bodies
    /// without those headers and ask the server.
    /// </remarks>
    public static bool HasBody(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is { } length) return length > 0;
        if (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol)) return request.Headers.TransferEncoding.Count > 0;
        return http.Features.Get<IHttpRequestBodyDetectionFeature>() is { } detection
            ? detection.CanHaveBody
            : request.Headers.TransferEncoding.Count > 0;
    }

    /// <summary>
    /// Reads the body; on failure, the problem to answer with. A body the server cannot read is the client's
    /// fault, a 4xx naming it, however it fails: Kestrel refuses some framing itself (<see cref="BadHttpRequestException"/>,
    /// with its status), while others escape as other exceptions (an overflowing chunk size: an <see cref="OverflowException"/>).
    /// A client that goes away mid-body is no error at all: nobody is left to answer, and nothing is logged above debug.
    /// JSON bodies are read without <c>RequestAborted</c>, as a Minimal API reads them: Kestrel ends the read itself when
    /// the connection goes (client gone, <c>MinRequestBodyDataRate</c>), and the token's first use costs a feature lookup.
    /// </summary>
    private async ValueTask<Problem?> ReadBodyAsync()
    {
        try
        {
            return await ReadBodyCoreAsync();
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return Problem.Invalid("body", "The client closed the connection while sending the body");
        }
        catch (BadHttpRequestException exception)
        {
            return Problem.One(exception.StatusCode, exception.StatusCode == 413 ? "Content Too Large" : "Bad Request", "body", exception.Message);
        }
        catch (Exception exception) when (exception is OverflowException or IOException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            return Problem.Invalid("body", "Malformed request body: " + exception.Message);
        }
    }

    private async ValueTask<Problem?> ReadBodyCoreAsync()
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
            return Problem.UnsupportedMediaType(request.ContentType);
        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                if (bodyReading == BodyReading.Whole && request.ContentLength is > 0 and <= WholeBodyLimit and var length)
                {
                    // Kept as text for the parameter's converter (one pass); any other first token (null, a number) is parsed.
                    var bytes = GC.AllocateUninitializedArray<byte>((int)length);
                    await request.Body.ReadExactlyAsync(bytes); // no token: see ReadBodyAsync
                    if (OpensObjectOrArray(bytes)) wholeJson = bytes;
                    else Keep(JsonDocument.Parse(bytes));
                }
                else
                {
                    Keep(request.ContentLength is <= PooledBodyLimit
                        ? await JsonDocument.ParseAsync(request.Body)
                        : await ParseLargeAsync(request.Body));
                }
                return null;
            }
            catch (JsonException exception)
            {
                return Problem.Invalid(ConversionError.InputKey, JsonErrors.Malformed(exception)); // the key a body read whole reports it under
            }
        }
        if (request.HasFormContentType)
        {
            // The form reader asks the charset's encoding and throws on one the runtime lacks (utf-7): a 415, as for text.
            if (!TryGetEncoding(mediaType, out _))
                return Problem.One(415, "Unsupported Media Type", "Content-Type", $"The charset '{mediaType.Charset}' is not supported; send UTF-8");
            try
            {
                form = await request.ReadFormAsync(http.RequestAborted);
                return null;
            }
            catch (Exception exception) when (exception is InvalidDataException or (IOException and not BadHttpRequestException) && !http.RequestAborted.IsCancellationRequested)
            {
                // A truncated multipart body ends in IOException ("Unexpected end of Stream"): the client's fault, a 400.
                return Problem.Invalid("body", "Malformed form body: " + exception.Message);
            }
        }
        if (mediaType.Type.Equals("text", StringComparison.OrdinalIgnoreCase) && mediaType.SubType.Equals("plain", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryGetEncoding(mediaType, out var encoding))
                return Problem.One(415, "Unsupported Media Type", "Content-Type", $"The charset '{mediaType.Charset}' is not supported; send UTF-8");
            using var reader = new StreamReader(request.Body, encoding);
            values = new Dictionary<string, StringValues>(1) { [TextBodyParameter] = await reader.ReadToEndAsync(http.RequestAborted) };
            return null;
        }
        if (api.InputFormat(mediaType.MediaType.Value) is { } format)
        {
            try
            {
                values = await format.ReadAsync(request, http.RequestAborted);
                return null;
            }
            catch (FormatException exception)
            {
                return Problem.Invalid("body", $"Malformed {format.MediaType} body: {exception.Message}");
            }
        }
        return Problem.UnsupportedMediaType(request.ContentType);
    }

    /// <summary>The parsed body, disposed with the response.</summary>
    private void Keep(JsonDocument document)
    {
        http.Response.RegisterForDispose(document);
        body = document.RootElement;
        hasJsonBody = true;
    }

    /// <summary>Whether the first token (after JSON whitespace) opens an object or an array.</summary>
    private static bool OpensObjectOrArray(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && json[start] is (byte)'{' or (byte)'[';
    }

    /// <summary>
    /// Bodies read whole for one record parameter (<see cref="BodyReading.Whole"/>) up to this size: an array of the body's
    /// exact size, in the small-object heap, garbage after the call. Larger ones are parsed as a document first.
    /// </summary>
    private const long WholeBodyLimit = 64 * 1024;

    /// <summary>
    /// Bodies up to this size (by Content-Length) are parsed the usual way, through buffers rented from the shared
    /// <c>ArrayPool</c>; larger or unannounced (chunked) ones are read into an array of their own. The pool keeps what
    /// it lends: 45 bodies of 10 MB once left the Addition example holding 983 MiB, and under a 256 MiB heap limit
    /// most such requests failed with OutOfMemoryException (issue 21). An array of our own is garbage after the call.
    /// </summary>
    private const long PooledBodyLimit = 1024 * 1024;

    /// <summary>
    /// A JSON body read in 64 KiB pieces as it arrives (small-object heap: compacted, and never sized by Content-Length
    /// up front), then copied once into an array of its exact size and parsed in place. A doubling buffer left holes in
    /// the large-object heap that a small heap limit could not fill (OutOfMemoryException at 192 MiB).
    /// </summary>
    private static async Task<JsonDocument> ParseLargeAsync(Stream body)
    {
        const int PieceSize = 64 * 1024;
        var pieces = new List<byte[]>();
        var total = 0;
        while (true)
        {
            var piece = new byte[PieceSize];
            var filled = 0;
            int read;
            while (filled < PieceSize && (read = await body.ReadAsync(piece.AsMemory(filled))) > 0) filled += read;
            if (filled > 0) pieces.Add(filled == PieceSize ? piece : piece[..filled]);
            total = checked(total + filled);
            if (filled < PieceSize) break;
        }
        var bytes = GC.AllocateUninitializedArray<byte>(total);
        var at = 0;
        foreach (var piece in pieces)
        {
            piece.CopyTo(bytes, at);
            at += piece.Length;
        }
        // JsonDocument.Parse(ReadOnlyMemory) uses the bytes where they are: no pooled copy of the whole body.
        return JsonDocument.Parse(bytes);
    }

    /// <summary>The body's charset (UTF-8 when none); false for one .NET cannot decode (<c>utf-7</c>, unknown names).</summary>
    private static bool TryGetEncoding(MediaTypeHeaderValue mediaType, out System.Text.Encoding encoding)
    {
        try
        {
            encoding = mediaType.Encoding ?? System.Text.Encoding.UTF8;
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            encoding = System.Text.Encoding.UTF8;
            return false;
        }
    }

    /// <summary>The parameter a <c>text/plain</c> body binds to.</summary>
    public const string TextBodyParameter = "body";

    /// <summary>
    /// The body's property named <paramref name="name"/> (exactly, else ignoring case). A property whose name is not text
    /// (invalid UTF-8, an escaped lone surrogate: System.Text.Json throws when it decodes one) matches nothing.
    /// </summary>
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        try
        {
            if (element.TryGetProperty(name, out value)) return true; // compares bytes: no name decoded, nothing allocated
        }
        catch (InvalidOperationException)
        {
            // An escaped name that is not text: the comparison below, by decoded names, skips it.
        }
        foreach (var property in element.EnumerateObject())
            if (NameMatchesIgnoringCase(property, name))
            {
                value = property.Value;
                return true;
            }
        value = default;
        return false;
    }

    private static bool NameMatchesIgnoringCase(JsonProperty property, string name) =>
        JsonErrors.TryGetName(property, out var text) && string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>How an endpoint reads a request's body (<see cref="HttpEndpoint{TResult}"/> decides once).</summary>
internal enum BodyReading : byte
{
    /// <summary>Not at all: the endpoint takes no input, or the body stream itself.</summary>
    None,

    /// <summary>Parsed as a document (or form, or text) whose fields the parameters look up by name.</summary>
    Fields,

    /// <summary>A JSON body kept as text for the one input parameter, whose converter reads it in one pass.</summary>
    Whole,
}
