namespace Hug;

/// <summary>
/// Calls an API's endpoints the same way in process, over HTTP or as WebSocket calls: which one is chosen by the one
/// line that makes the client (<c>api.Local</c>, <c>HugClient.Http(…)</c>, <c>HugClient.WebSocket(…)</c>), and
/// results and errors are the same on each. Typed calls take the method itself as their contract
/// (<c>await client.CallAsync(Addition.Add, 1, 2)</c>, see <see cref="HugClientCalls"/>); untyped ones take a name
/// and arguments, as hug's <c>hug.use</c> does (<see cref="RequestAsync"/>).
/// Clients are immutable: <see cref="WithCredentials"/> and <see cref="WithVersion"/> return a new one.
/// </summary>
public interface IHugClient : IAsyncDisposable
{
    /// <summary>
    /// Calls <paramref name="endpoint"/> (its method name, kebab-case name or route name) with <paramref name="arguments"/>
    /// (an anonymous object, a record or a dictionary) and returns the answer whatever its status: errors are
    /// <see cref="HugResponse.Errors"/>, not exceptions. A stream's items arrive as one array.
    /// </summary>
    Task<HugResponse> RequestAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default);

    /// <summary>A stream endpoint's items (<c>IAsyncEnumerable&lt;T&gt;</c>) as JSON, each as it arrives; an error answer throws <see cref="HugCallException"/>.</summary>
    IAsyncEnumerable<System.Text.Json.JsonElement> StreamAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls the endpoint that exposes <paramref name="method"/> with <paramref name="arguments"/> in the method's
    /// parameter order (values of parameters the caller does not supply, such as directives and services, are
    /// ignored; a <see cref="CancellationToken"/> argument cancels the call). The typed overloads in
    /// <see cref="HugClientCalls"/> call this. Throws <see cref="HugCallException"/> (or a subclass) for an error answer.
    /// </summary>
    Task<TResult> CallMethodAsync<TResult>(Delegate method, object?[] arguments, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="CallMethodAsync{TResult}"/>, for a method returning <c>IAsyncEnumerable&lt;TItem&gt;</c>: its items as they arrive.</summary>
    IAsyncEnumerable<TItem> StreamMethodAsync<TItem>(Delegate method, object?[] arguments, CancellationToken cancellationToken = default);

    /// <summary>A client whose calls carry <paramref name="credentials"/> (Basic, API key or bearer token).</summary>
    IHugClient WithCredentials(HugCredentials credentials);

    /// <summary>A client whose calls are made at API version <paramref name="version"/> (the endpoint serving it answers).</summary>
    IHugClient WithVersion(int version);
}
