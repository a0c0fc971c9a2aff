using System.Runtime.CompilerServices;
using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;
using Hug.Pipeline;

namespace Hug;

/// <summary>
/// The Local interface: calls an endpoint in process through the same pipeline as HTTP and the
/// command line (requirements scoped to <see cref="HugInterfaces.Local"/>, binding and validation,
/// directives, transforms, <c>OnException</c> handlers): <c>await api.Local.CallAsync&lt;int&gt;("add", new { number_1 = 1, number_2 = 2 })</c>.
/// It is also the in-process <see cref="IHugClient"/>: <c>await api.Local.CallAsync(Addition.Add, 1, 2)</c>.
/// Immutable: <see cref="WithCredentials(Func{string, string?})"/> and <see cref="WithVersion"/> return a new one.
/// </summary>
public sealed class LocalInterface : IHugClient
{
    private readonly HugApi api;
    private readonly Func<string, string?> credentials;
    private readonly int? version;

    internal LocalInterface(HugApi api, Func<string, string?>? credentials = null, int? version = null)
    {
        this.api = api;
        this.credentials = credentials ?? NoCredential;
        this.version = version;
    }

    private static string? NoCredential(string name) => null;

    /// <summary>
    /// Calls made with credentials, as the command line reads them: <paramref name="credentials"/>
    /// maps a credential's kebab-case name (<c>api-key</c>, <c>username</c>, <c>password</c>) to its value, or null.
    /// </summary>
    public LocalInterface WithCredentials(Func<string, string?> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new(api, credentials, version);
    }

    /// <summary>Calls made with <paramref name="credentials"/>, read as the command line reads its credentials.</summary>
    public LocalInterface WithCredentials(HugCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new(api, credentials.Credential, version);
    }

    IHugClient IHugClient.WithCredentials(HugCredentials credentials) => WithCredentials(credentials);

    IHugClient IHugClient.WithVersion(int version) => WithVersion(version);

    /// <summary>Calls made at API version <paramref name="version"/> (the endpoint serving it is chosen, as <c>/vN/</c> would).</summary>
    public LocalInterface WithVersion(int version) => new(api, credentials, version);

    /// <summary>
    /// Calls <paramref name="endpoint"/> (its method name or kebab-case name) with <paramref name="arguments"/>
    /// (an anonymous object, a record or a dictionary; text is converted as a query string would be).
    /// Throws <see cref="HugValidationException"/> for arguments that do not bind, <see cref="HugRequirementException"/>
    /// when a requirement refuses, <see cref="HugCallException"/> with an <c>OnException</c> handler's answer; an exception
    /// no handler answers is thrown as it is (in process there is nothing to hide it from).
    /// </summary>
    public async Task<T> CallAsync<T>(string endpoint, object? arguments = null, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(endpoint, arguments, cancellationToken);
        return result is T typed ? typed
            : result is null && default(T) is null ? default!
            : throw new InvalidCastException($"{endpoint} returned {result?.GetType().Name ?? "null"}, not {typeof(T).Name}.");
    }

    /// <summary>As <see cref="CallAsync{T}"/>, the result as an object (null for a method that returns nothing).</summary>
    public Task<object?> CallAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default) =>
        CallAsync(ClientMethods.Find(api, endpoint, version), arguments, cancellationToken);

    /// <inheritdoc/>
    public async Task<TResult> CallMethodAsync<TResult>(Delegate method, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var endpoint = ClientMethods.Find(api, method, version);
        var result = await CallAsync(endpoint, ClientMethods.Name(api, endpoint, arguments, ref cancellationToken), cancellationToken);
        return result is null ? default! : (TResult)result;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<TItem> StreamMethodAsync<TItem>(Delegate method, object?[] arguments, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var endpoint = ClientMethods.Find(api, method, version);
        var items = (IAsyncEnumerable<TItem>?)await CallAsync(endpoint, ClientMethods.Name(api, endpoint, arguments, ref cancellationToken), cancellationToken);
        if (items is null) yield break;
        await foreach (var item in items.WithCancellation(cancellationToken)) yield return item;
    }

    /// <summary>
    /// As <see cref="CallAsync(string, object?, CancellationToken)"/>, the answer as HTTP gives it: the status and the
    /// result as JSON, or the error's status and <c>errors</c>. An exception no handler answers is thrown as it is.
    /// </summary>
    public async Task<HugResponse> RequestAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default)
    {
        var descriptor = ClientMethods.Find(api, endpoint, version);
        var json = api.Options.ReadOnlyJson;
        try
        {
            var result = await CallAsync(descriptor, arguments, cancellationToken);
            var data = !descriptor.HasResult ? default
                : result is not null && StreamItems.Of(descriptor, result) is var (items, itemType) ? await CollectAsync(items, itemType, json, cancellationToken)
                : JsonSerializer.SerializeToElement(result, json.GetTypeInfo(descriptor.ResultType));
            return new HugResponse(ClientMethods.SuccessStatus(descriptor), data);
        }
        catch (HugCallException exception)
        {
            var body = exception.Body is { } value ? JsonSerializer.SerializeToElement(value, json.GetTypeInfo(value.GetType())) : default;
            return new HugResponse(exception.Status, body, exception.Errors);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<JsonElement> StreamAsync(string endpoint, object? arguments = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var descriptor = ClientMethods.Find(api, endpoint, version);
        var json = api.Options.ReadOnlyJson;
        var result = await CallAsync(descriptor, arguments, cancellationToken);
        if (result is null || StreamItems.Of(descriptor, result) is not var (items, itemType))
            throw new InvalidOperationException($"{descriptor.DisplayName} does not stream; call it with RequestAsync.");
        var typeInfo = json.GetTypeInfo(itemType);
        await foreach (var item in items.WithCancellation(cancellationToken)) yield return JsonSerializer.SerializeToElement(item, typeInfo);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => ValueTask.CompletedTask;

    private async Task<object?> CallAsync(EndpointDescriptor descriptor, object? arguments, CancellationToken cancellationToken)
    {
        await api.Startup.RunOnceAsync(api, cancellationToken);
        var services = api.CallServices;
        var call = new CallContext(api, descriptor.DisplayName, HugInterfaces.Local, services, null, cancellationToken, ClientMethods.VersionFor(descriptor, version), credentials);
        return await RunAsync(call, descriptor, arguments, rethrowHandled: false);
    }

    private static async Task<JsonElement> CollectAsync(IAsyncEnumerable<object?> items, Type itemType, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var typeInfo = json.GetTypeInfo(itemType);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            await foreach (var item in items.WithCancellation(cancellationToken)) JsonSerializer.Serialize(writer, item, typeInfo);
            writer.WriteEndArray();
        }
        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>
    /// One in-process call through the endpoint's Local pipeline. With <paramref name="rethrowHandled"/>
    /// (a sibling call inside another call) an exception is thrown as it is even when a handler would
    /// answer it, so the outer call's pipeline maps it once.
    /// </summary>
    internal static async Task<object?> RunAsync(CallContext call, EndpointDescriptor descriptor, object? arguments, bool rethrowHandled)
    {
        var pipeline = call.Api.Calls.For(descriptor, HugInterfaces.Local);
        await using var context = new ArgumentsBindingContext(call, Arguments.From(arguments, call.Api.Options.ReadOnlyJson));
        var outcome = await pipeline.RunBoxedAsync(context);
        if (outcome.Failure is not { } failure) return outcome.Boxed;
        throw failure.Kind switch
        {
            FailureKind.Invalid => new HugValidationException(descriptor.DisplayName, ErrorMap.ToArrays(failure.Errors!)),
            FailureKind.Refused => new HugRequirementException(descriptor.DisplayName, failure.Refusal!),
            FailureKind.Handled when !rethrowHandled =>
                new HugCallException(descriptor.DisplayName, failure.Status, ErrorMap.Empty, failure.Handled!.Body, failure.Exception),
            _ when failure.Exception is { } exception => Rethrow(exception),
            _ => new HugCallException(descriptor.DisplayName, failure.Status, ErrorMap.ToArrays(failure.ErrorMap)),
        };
    }

    private static Exception Rethrow(Exception exception)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        return exception;
    }
}
