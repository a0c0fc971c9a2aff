using System.Text.Json;

namespace Hug;

/// <summary>
/// An untyped answer (<see cref="IHugClient.RequestAsync"/>), like hug's <c>hug.use</c> response: the status, the
/// result as JSON, and the problem's <c>errors</c>. The same call answers the same response on every client.
/// </summary>
public sealed class HugResponse
{
    /// <summary>An answer: <paramref name="data"/> for a success, <paramref name="errors"/> for a problem.</summary>
    public HugResponse(int status, JsonElement data, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        Status = status;
        Data = data;
        Errors = errors ?? ErrorMap.Empty;
    }

    /// <summary>The HTTP status (in process and over WebSocket calls: the one HTTP answers).</summary>
    public int Status { get; }

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>
    /// The result as JSON (<see cref="JsonValueKind.Undefined"/> for a method that returns nothing; a stream's items as an
    /// array); for an error, the body of an answer that is not a problem (an <c>OnException</c> handler's).
    /// </summary>
    public JsonElement Data { get; }

    /// <summary>The problem's <c>errors</c>: parameter (or requirement title) → messages; empty for a success.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? $"{Status} {Data}" : $"{Status} {string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}";
}
