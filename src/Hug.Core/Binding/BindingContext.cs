using Microsoft.Extensions.DependencyInjection;

using Hug.Introspection;

namespace Hug.Binding;

/// <summary>
/// One call's raw input and collected errors, as an interface adapter presents it to the binder.
/// Each interface (HTTP, CLI, …) derives its own.
/// </summary>
internal abstract class BindingContext : Generation.CallArguments, IAsyncDisposable
{
    private List<object>? disposables;
    private Dictionary<string, string>? errors;

    /// <summary>The call's services; over HTTP the request scope, created only when something asks for it.</summary>
    public abstract IServiceProvider Services { get; }

    public bool HasErrors => errors is not null;

    /// <summary>
    /// Why a service the call takes could not be had (none registered, or its construction threw), kept rather than thrown
    /// so the call's input is still checked: invalid input is answered first, and this only when the input is valid.
    /// </summary>
    public Exception? ServiceFailure { get; private set; }

    /// <summary>Whether the method must not be called: an input error, or a service missing.</summary>
    public bool BindingFailed => errors is not null || ServiceFailure is not null;

    /// <summary>Records that the service of <paramref name="parameter"/> could not be had (the first such failure is kept).</summary>
    public void FailService(string parameter, Type type, Exception? cause) =>
        ServiceFailure ??= new InvalidOperationException(cause is null
            ? $"Parameter '{parameter}': no service of type {type.Name} is registered; add it to the API's Services (api.Services.Add…)."
            : $"Parameter '{parameter}': its service {type.Name} could not be created: {cause.Message}", cause);

    /// <summary>Every error of the call, parameter (or member path) to message, in the order found.</summary>
    public IReadOnlyDictionary<string, string> Errors => errors ?? (IReadOnlyDictionary<string, string>)EmptyErrors;

    private static readonly Dictionary<string, string> EmptyErrors = [];

    /// <summary>The value supplied under this parameter name, or <see cref="RawValue.Missing"/>.</summary>
    public abstract RawValue GetValue(string name);

    /// <summary>The whole request body, for the one JSON-shaped parameter that takes it.</summary>
    public abstract RawValue GetBody();

    /// <summary>
    /// A directive value only the adapter can give (HTTP's context, request, response, user, uploads, raw
    /// body) for the parameter <paramref name="parameter"/>; null when this interface has none. The binder
    /// names no adapter's types: it asks here.
    /// </summary>
    public virtual object? AdapterValue(ContextValue kind, string parameter) => null;

    public virtual CancellationToken Cancellation => CancellationToken.None;

    /// <summary>Whether the adapter has input still to read before binding (an HTTP body); the pipeline reads it after the requirements pass.</summary>
    public virtual bool HasInputToRead => false;

    /// <summary>Reads that input; false when it cannot be read, the adapter then holding its own answer (a 400, a 415).</summary>
    public virtual ValueTask<bool> ReadInputAsync() => new(true);

    /// <summary>
    /// Whether an exception is the adapter's own business rather than the call's: the client went away,
    /// or the transport failed. The pipeline lets it through unmapped (no <c>OnException</c> handler sees it).
    /// </summary>
    public virtual bool OwnsException(Exception exception) => exception is OperationCanceledException && Cancellation.IsCancellationRequested;

    private CallContext? call;

    /// <summary>The call as requirements and directives see it, created on first use.</summary>
    public CallContext Call => call ??= CreateCall();

    protected abstract CallContext CreateCall();

    public void AddError(string key, string message)
    {
        errors ??= new Dictionary<string, string>(StringComparer.Ordinal);
        errors.TryAdd(key, message);
    }

    public bool HasErrorsUnder(string prefix)
    {
        if (errors is null) return false;
        foreach (var key in errors.Keys)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Creates the instance an instance method runs on, through DI, once per call.</summary>
    public object CreateTarget(ObjectFactory factory)
    {
        var target = factory(Services, null);
        if (target is IDisposable or IAsyncDisposable) RegisterForDispose(target);
        return target;
    }

    /// <summary>Keeps a per-call instance for disposal when the call ends; HTTP hands it to the response instead.</summary>
    protected virtual void RegisterForDispose(object target) => (disposables ??= []).Add(target);

    public ValueTask DisposeAsync() => disposables is null ? default : DisposeAllAsync(disposables);

    private static async ValueTask DisposeAllAsync(List<object> disposables)
    {
        foreach (var target in disposables)
        {
            if (target is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else ((IDisposable)target).Dispose();
        }
    }
}
