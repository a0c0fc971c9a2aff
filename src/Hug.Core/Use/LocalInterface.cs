using Hug.Binding;
using Hug.Introspection;
using Hug.Pipeline;

namespace Hug;

/// <summary>
/// The Local interface: calls an endpoint in process through the same pipeline as HTTP and the
/// command line (requirements scoped to <see cref="HugInterfaces.Local"/>, binding and validation,
/// directives, transforms, <c>OnException</c> handlers): <c>await api.Local.CallAsync&lt;int&gt;("add", new { number_1 = 1, number_2 = 2 })</c>.
/// Immutable: <see cref="WithCredentials"/> and <see cref="WithVersion"/> return a new one.
/// </summary>
public sealed class LocalInterface
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
    public async Task<object?> CallAsync(string endpoint, object? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var descriptor = api.Calls.Find(endpoint, version)
            ?? throw new ArgumentException($"The API has no endpoint named '{endpoint}'.", nameof(endpoint));
        await api.Startup.RunOnceAsync(api, cancellationToken);
        var services = api.CallServices;
        var call = new CallContext(api, descriptor.DisplayName, HugInterfaces.Local, services, null, cancellationToken, version, credentials);
        return await RunAsync(call, descriptor, arguments, rethrowHandled: false);
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
            FailureKind.Invalid => new HugValidationException(descriptor.DisplayName, failure.Errors!),
            FailureKind.Refused => new HugRequirementException(descriptor.DisplayName, failure.Refusal!),
            FailureKind.Handled when !rethrowHandled =>
                new HugCallException(descriptor.DisplayName, failure.Status, new Dictionary<string, string>(), failure.Handled!.Body, failure.Exception),
            _ when failure.Exception is { } exception => Rethrow(exception),
            _ => new HugCallException(descriptor.DisplayName, failure.Status, failure.ErrorMap),
        };
    }

    private static Exception Rethrow(Exception exception)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        return exception;
    }
}
