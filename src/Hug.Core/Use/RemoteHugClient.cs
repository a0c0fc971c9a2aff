using System.Runtime.CompilerServices;
using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;

namespace Hug;

/// <summary>One call as a remote client sends it: the name (and, when known, the endpoint's description) and the raw arguments.</summary>
internal sealed record RemoteCall(string Name, EndpointDescriptor? Endpoint, HugApi? Api, Dictionary<string, RawValue> Arguments, int? Version);

/// <summary>
/// What the HTTP and WebSocket clients share: typed calls resolved to an endpoint and its named arguments, answers read
/// back with the API's JSON settings, and error answers turned into the exceptions a call in process throws. A
/// transport only sends a <see cref="RemoteCall"/> and reads its answer (<see cref="SendAsync"/>, <see cref="SendStreamAsync"/>).
/// </summary>
internal abstract class RemoteHugClient(HugApi? api, HugCredentials? credentials, int? version) : IHugClient
{
    /// <summary>The API's description, when the client was given one (HTTP needs it to call by name).</summary>
    protected HugApi? Api => api;

    protected HugCredentials? Credentials => credentials;

    protected int? Version => version;

    /// <summary>Sends the call and reads the whole answer (a stream's items as one array); an error answer is a response, not an exception.</summary>
    protected abstract Task<HugResponse> SendAsync(RemoteCall call, CancellationToken cancellationToken);

    /// <summary>Sends the call and yields each item as it arrives; an error answer throws (see <see cref="Failure"/>).</summary>
    protected abstract IAsyncEnumerable<JsonElement> SendStreamAsync(RemoteCall call, CancellationToken cancellationToken);

    /// <summary>The same transport with other credentials or version.</summary>
    protected abstract IHugClient With(HugCredentials? credentials, int? version);

    public abstract ValueTask DisposeAsync();

    public Task<HugResponse> RequestAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default) =>
        SendAsync(CallByName(endpoint, arguments), cancellationToken);

    public IAsyncEnumerable<JsonElement> StreamAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default) =>
        SendStreamAsync(CallByName(endpoint, arguments), cancellationToken);

    public async Task<TResult> CallMethodAsync<TResult>(Delegate method, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var (call, described) = CallOf(method, arguments, ref cancellationToken);
        var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess) throw Failure(call.Endpoint!.DisplayName, response);
        return Read<TResult>(response.Data, described);
    }

    public async IAsyncEnumerable<TItem> StreamMethodAsync<TItem>(Delegate method, object?[] arguments, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (call, described) = CallOf(method, arguments, ref cancellationToken);
        await foreach (var item in SendStreamAsync(call, cancellationToken).ConfigureAwait(false))
            yield return Read<TItem>(item, described);
    }

    public IHugClient WithCredentials(HugCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return With(credentials, version);
    }

    public IHugClient WithVersion(int version) => With(credentials, version);

    private RemoteCall CallByName(string endpoint, object? arguments)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(endpoint, api is null ? null : ClientMethods.Find(api, endpoint, version), api, ClientMethods.Raw(arguments, api), version);
    }

    private (RemoteCall Call, HugApi Api) CallOf(Delegate method, object?[] arguments, ref CancellationToken cancellationToken)
    {
        var described = ClientMethods.ApiFor(api, method);
        var endpoint = ClientMethods.Find(described, method, version);
        var named = ClientMethods.Name(described, endpoint, arguments, ref cancellationToken);
        return (new RemoteCall(endpoint.Name, endpoint, described, ClientMethods.Raw(named, described), ClientMethods.VersionFor(endpoint, version)), described);
    }

    /// <summary>An answer's JSON as <typeparamref name="T"/>, with the API's settings (and generated metadata, under Native AOT).</summary>
    private static T Read<T>(JsonElement data, HugApi api)
    {
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return default!;
        if (typeof(T) == typeof(JsonElement)) return (T)(object)data;
        return (T)data.Deserialize(api.Options.ReadOnlyJson.GetTypeInfo(typeof(T)))!;
    }

    /// <summary>
    /// An error answer as the exception the same call throws in process: a 400 is <see cref="HugValidationException"/>,
    /// a 401 or 403 problem <see cref="HugRequirementException"/>, anything else (an <c>OnException</c> handler's answer,
    /// a 404, a 500) <see cref="HugCallException"/> with the body that is not a problem.
    /// </summary>
    public static HugCallException Failure(string endpoint, HugResponse response, string? challenge = null) => response switch
    {
        { Status: 400, Errors.Count: > 0 } => new HugValidationException(endpoint, response.Errors),
        { Status: 401 or 403, Errors.Count: 1 } when response.Errors.First() is var (title, messages) =>
            new HugRequirementException(endpoint, RequirementResult.Fail(response.Status, title, string.Join(" ", messages), challenge)),
        _ => new HugCallException(endpoint, response.Status, response.Errors, response.Data.ValueKind == JsonValueKind.Undefined ? null : response.Data),
    };
}
