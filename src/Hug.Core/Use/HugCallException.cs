namespace Hug;

/// <summary>
/// A call the API answered with an error, on every client (<see cref="IHugClient"/>: in process, HTTP, WebSocket) and
/// for <see cref="CurrentApi"/>: what HTTP answers, as an exception. Subclasses say why:
/// <see cref="HugValidationException"/> (400, the arguments), <see cref="HugRequirementException"/>
/// (a requirement refused the call); this type itself is any other error answer (an <c>OnException</c> handler's, a 404, a 500).
/// </summary>
public class HugCallException : Exception
{
    /// <summary>An error answer of <paramref name="endpoint"/>.</summary>
    public HugCallException(string endpoint, int status, IReadOnlyDictionary<string, string[]> errors, object? body = null, Exception? innerException = null)
        : base(Describe(endpoint, status, errors, body), innerException)
    {
        Endpoint = endpoint;
        Status = status;
        Errors = errors;
        Body = body;
    }

    /// <summary>Thrown by a sibling endpoint called through <see cref="CurrentApi"/>: unhandled, the caller answers with it (not a 500).</summary>
    internal bool FromSibling { get; set; }

    /// <summary>The endpoint called (<c>Addition.Add</c>, or the name a client called it by).</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP status the call was (or, in process, would have been) answered with: 400, 401, 403, a handler's status.</summary>
    public int Status { get; }

    /// <summary>
    /// The problem body's <c>errors</c>, as ASP.NET Core's <c>HttpValidationProblemDetails</c> holds them: parameter
    /// (or member path, or requirement title) → messages (Hug answers one per key).
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>
    /// The body of an answer that is not a problem (an <c>OnException</c> handler's): the object in process, a
    /// <c>System.Text.Json.JsonElement</c> from HTTP and WebSocket clients; null otherwise.
    /// </summary>
    public object? Body { get; }

    private static string Describe(string endpoint, int status, IReadOnlyDictionary<string, string[]> errors, object? body) =>
        errors.Count > 0 ? $"{endpoint}: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
        : BodyText(body) is { } text ? $"{endpoint}: the call was answered with status {status}: {text}"
        : $"{endpoint}: the call was answered with status {status}";

    /// <summary>How long a body's JSON may be in the message (the whole body stays in <see cref="Body"/>).</summary>
    private const int BodyTextLimit = 500;

    /// <summary>The answer's body as a message says it: a text as it is, other JSON as its text (cut short), else nothing.</summary>
    private static string? BodyText(object? body)
    {
        var text = body switch
        {
            string plain => plain,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => json.GetString(),
            System.Text.Json.JsonElement { ValueKind: not (System.Text.Json.JsonValueKind.Undefined or System.Text.Json.JsonValueKind.Null) } json => json.GetRawText(),
            _ => null,
        };
        return text is { Length: > BodyTextLimit } ? string.Concat(text.AsSpan(0, BodyTextLimit), "…") : text;
    }
}

/// <summary>A call's arguments did not bind; <see cref="HugCallException.Errors"/> holds every message, as HTTP's 400 does.</summary>
public sealed class HugValidationException(string endpoint, IReadOnlyDictionary<string, string[]> errors)
    : HugCallException(endpoint, 400, errors);

/// <summary>A requirement (authentication, a custom check) refused the call: its status (401, 403, …), title and message.</summary>
public sealed class HugRequirementException(string endpoint, RequirementResult refusal)
    : HugCallException(endpoint, refusal.Status, ErrorMap.One(refusal.Title, refusal.Message))
{
    /// <summary>What the requirement answered (from an HTTP or WebSocket client: the status, the error's title and message, the challenge).</summary>
    public RequirementResult Refusal { get; } = refusal;
}
