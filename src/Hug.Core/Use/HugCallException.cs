namespace Hug;

/// <summary>
/// A call made in process (<see cref="HugApi.Local"/>, <see cref="CurrentApi"/>) that the API
/// answered with an error: what HTTP would have answered, as an exception. Subclasses say why:
/// <see cref="HugValidationException"/> (400, the arguments), <see cref="HugRequirementException"/>
/// (a requirement refused the call); this type itself is an <c>OnException</c> handler's answer.
/// </summary>
public class HugCallException : Exception
{
    /// <summary>An error answer of <paramref name="endpoint"/>.</summary>
    public HugCallException(string endpoint, int status, IReadOnlyDictionary<string, string> errors, object? body = null, Exception? innerException = null)
        : base(Describe(endpoint, status, errors), innerException)
    {
        Endpoint = endpoint;
        Status = status;
        Errors = errors;
        Body = body;
    }

    /// <summary>The endpoint called (<c>Addition.Add</c>).</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP status the same call answers over HTTP (400, 401, 403, a handler's status).</summary>
    public int Status { get; }

    /// <summary>hug's <c>errors</c> object: parameter (or member path, or requirement title) → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The body an <c>OnException</c> handler answered with; null otherwise.</summary>
    public object? Body { get; }

    private static string Describe(string endpoint, int status, IReadOnlyDictionary<string, string> errors) =>
        errors.Count == 0 ? $"{endpoint}: the call was answered with status {status}"
        : $"{endpoint}: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"));
}

/// <summary>A call's arguments did not bind; <see cref="HugCallException.Errors"/> holds every message, as HTTP's 400 would.</summary>
public sealed class HugValidationException(string endpoint, IReadOnlyDictionary<string, string> errors)
    : HugCallException(endpoint, 400, errors);

/// <summary>A requirement (authentication, a custom check) refused the call: its status (401, 403, …), title and message.</summary>
public sealed class HugRequirementException(string endpoint, RequirementResult refusal)
    : HugCallException(endpoint, refusal.Status, new Dictionary<string, string> { [refusal.Title] = refusal.Message })
{
    /// <summary>What the requirement answered.</summary>
    public RequirementResult Refusal { get; } = refusal;
}
