using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hug;

/// <summary>Settings of one <see cref="HugApi"/>; set them before registering endpoints.</summary>
public sealed class HugOptions
{
    /// <summary>The API's one-paragraph description; by default the XML summary of the class holding its endpoints.</summary>
    public string? Overview { get; set; }

    /// <summary>
    /// The program's name in command-line usage and help (<c>Usage: NAME add …</c>); by default the executable's name.
    /// The <c>hug</c> tool sets the file it runs. One word: no white space.
    /// </summary>
    public string? ProgramName { get; set; }

    /// <summary>
    /// Whether an unknown URL answers with the API's documentation (hug's 404 page). Turn it off in
    /// production so the 404 body says only that nothing is there.
    /// </summary>
    public bool NotFoundDocumentation { get; set; } = true;

    /// <summary>
    /// Whether the documentation is served at <c>/</c> (and <c>/vN/</c>) when no endpoint takes that URL.
    /// </summary>
    public bool RootDocumentation { get; set; } = true;

    /// <summary>
    /// The largest request body an endpoint reads, in bytes (a larger one is a 413); null keeps the
    /// server's limit (Kestrel: 30 MB).
    /// </summary>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>The largest WebSocket message (after reassembling fragments); a larger one closes with 1009. Default 1 MiB.</summary>
    public int WebSocketMaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>How often the server pings idle WebSocket clients. Default 30 s.</summary>
    public TimeSpan WebSocketKeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A WebSocket that sends nothing for this long gets a close frame ("Idle timeout"). Default 10 minutes; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    public TimeSpan WebSocketIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Messages queued to one WebSocket client before it counts as too slow for its peers (with
    /// <see cref="WebSocketSendBuffer"/>: whichever is reached first). A broadcast never waits on a full queue: that
    /// connection is aborted (its close frame could not get through) and counted out; a connection's own
    /// <c>SendAsync</c> (a call's answer) waits for room up to <see cref="WebSocketSendTimeout"/>. Default 1,024.
    /// </summary>
    public int WebSocketSendQueue { get; set; } = 1024;

    /// <summary>
    /// Bytes queued to one WebSocket client, beyond what the network holds, before its queue counts as full (see
    /// <see cref="WebSocketSendQueue"/>); a message larger than this is still sent when the queue is empty. A broadcast's
    /// bytes are shared by every member's queue. Default 1 MiB: a member may fall a second behind a busy room.
    /// </summary>
    public long WebSocketSendBuffer { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long one message may take to be written to a WebSocket client (it has stopped reading), or a sender
    /// may wait for room in its queue, before the connection is aborted. Default 10 s.
    /// </summary>
    public TimeSpan WebSocketSendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Calls one connection may have running at <see cref="WebSocketCallPath"/>; further messages are not read until
    /// one finishes (back-pressure: a client that floods calls, or never reads the answers, holds this many). Default 8.
    /// </summary>
    public int WebSocketMaxCallsInFlight { get; set; } = 8;

    /// <summary>
    /// Whether <c>serve</c> publishes the API's OpenAPI 3.1 documents (<c>/openapi/v1.json</c>, or one per API version,
    /// <c>/openapi/v2.json</c>). Default true; <c>serve --no-openapi</c> sets it false. In your own app, Hug's endpoints
    /// are in the documents of <c>AddOpenApi()</c> whatever this says.
    /// </summary>
    public bool OpenApiDocuments { get; set; } = true;

    /// <summary>
    /// Security headers on what <c>serve</c> answers (default true): no <c>Server</c> header, <c>X-Content-Type-Options:
    /// nosniff</c> on every answer, and on Hug's documentation page (which has no script and fetches nothing) a strict
    /// <c>Content-Security-Policy</c> with <c>frame-ancestors 'none'</c>; over HTTPS outside Development, HSTS.
    /// In your own app (<c>MapHug</c>) the page keeps its policy; the rest is your middleware's to decide.
    /// </summary>
    public bool SecurityHeaders { get; set; } = true;

    /// <summary>Where methods marked <c>[SocketCall]</c> (or all, with <see cref="AllMethodsOverWebSocket"/>) are callable over a WebSocket.</summary>
    public string WebSocketCallPath { get; set; } = "/calls";

    /// <summary>Makes every HTTP or CLI method callable at <see cref="WebSocketCallPath"/>, not only the <c>[SocketCall]</c> ones.</summary>
    public bool AllMethodsOverWebSocket { get; set; }

    /// <summary>
    /// JSON settings for bodies and results: System.Text.Json's web defaults, enums as names, UTF-8 unescaped. For Native
    /// AOT, give your types' <c>JsonSerializerContext</c> as its <c>TypeInfoResolver</c> (or add it to the chain): Hug
    /// appends its own context (the common scalars, its wire shapes), then reflection where it is enabled.
    /// </summary>
    public JsonSerializerOptions Json
    {
        get => json ??= CreateJsonOptions();
        set => json = value;
    }

    private JsonSerializerOptions? json;

    /// <summary>
    /// <see cref="Json"/>, made read-only on first use. Created lazily: a command-line call that
    /// converts only text never pays for System.Text.Json's set-up.
    /// </summary>
    internal JsonSerializerOptions ReadOnlyJson
    {
        get
        {
            var options = Json;
            if (!options.IsReadOnly)
            {
                Formats.HugJson.AddResolvers(options);
                options.MakeReadOnly();
            }
            return options;
        }
    }

    /// <summary>The DataAnnotations validators of bound objects, per type, under these JSON settings.</summary>
    internal Binding.ObjectValidators Validators => validators ??= new(ReadOnlyJson);

    private Binding.ObjectValidators? validators;

    /// <summary>
    /// The JSON settings Hug starts from: the web defaults, enums as camelCase names, and NaN and the
    /// infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> (a method returning one
    /// gets an answer, not a serialisation failure).
    /// </summary>
    public static JsonSerializerOptions CreateJsonOptions() => new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new Formats.EnumNamesConverter() },
    };
}
