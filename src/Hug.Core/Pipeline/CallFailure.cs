namespace Hug.Pipeline;

/// <summary>Why a call did not produce a result; every interface answers each kind its own way (see docs/ARCHITECTURE.md).</summary>
internal enum FailureKind : byte
{
    /// <summary>A requirement refused the call (401, 403, …): <see cref="CallFailure.Refusal"/>.</summary>
    Refused,
    /// <summary>The adapter could not read the call's input (a malformed or unsupported body); the adapter holds its own answer.</summary>
    Rejected,
    /// <summary>Arguments missing, unconvertible or invalid: <see cref="CallFailure.Errors"/> (a 400).</summary>
    Invalid,
    /// <summary>The method (or a transform) threw and an <c>OnException</c> handler answered: <see cref="CallFailure.Handled"/>.</summary>
    Handled,
    /// <summary>The method (or a transform) threw and nothing handled it: <see cref="CallFailure.Exception"/> (a 500).</summary>
    Failed,
}

/// <summary>A call that produced no result, as the pipeline hands it to an adapter's responder.</summary>
internal sealed class CallFailure
{
    private CallFailure(FailureKind kind, int status) => (Kind, Status) = (kind, status);

    public FailureKind Kind { get; }

    /// <summary>The HTTP status that stands for it on every interface (the CLI maps it to an exit code, Local puts it on the exception).</summary>
    public int Status { get; }

    public RequirementResult? Refusal { get; private init; }
    public IReadOnlyDictionary<string, string>? Errors { get; private init; }
    public ErrorResponse? Handled { get; private init; }
    public Exception? Exception { get; private init; }

    public static CallFailure Refused(RequirementResult refusal) => new(FailureKind.Refused, refusal.Status) { Refusal = refusal };

    public static readonly CallFailure Rejected = new(FailureKind.Rejected, 400);

    public static CallFailure Invalid(IReadOnlyDictionary<string, string> errors) => new(FailureKind.Invalid, 400) { Errors = errors };

    public static CallFailure HandledBy(ErrorResponse response, Exception exception) =>
        new(FailureKind.Handled, response.Status) { Handled = response, Exception = exception };

    /// <summary>A sibling's answer (its refusal, invalid input or handled error), as the calling endpoint's own.</summary>
    public static CallFailure Relaying(HugCallException sibling) => sibling switch
    {
        HugRequirementException refused => Refused(refused.Refusal),
        HugValidationException invalid => Invalid(invalid.Errors.ToDictionary(e => e.Key, e => e.Value.FirstOrDefault() ?? "")),
        _ => HandledBy(new ErrorResponse(sibling.Status, sibling.Body), sibling),
    };

    public static CallFailure Failed(Exception exception) => new(FailureKind.Failed, 500) { Exception = exception };

    /// <summary>The failure as hug's <c>errors</c> object (what WebSocket calls and Local callers receive).</summary>
    public IReadOnlyDictionary<string, string> ErrorMap => Kind switch
    {
        FailureKind.Invalid => Errors!,
        FailureKind.Refused => new Dictionary<string, string> { [Refusal!.Title] = Refusal.Message },
        FailureKind.Rejected => new Dictionary<string, string> { ["body"] = "The call's input could not be read" },
        FailureKind.Handled => new Dictionary<string, string>(),
        _ => new Dictionary<string, string> { ["500 Internal Server Error"] = "The server failed to complete the call; the error has been logged" },
    };
}
