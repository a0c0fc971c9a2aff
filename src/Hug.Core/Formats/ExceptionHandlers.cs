using System.Collections.Concurrent;

namespace Hug;

/// <summary>What an exception handler answers: a status and a body (serialised with the API's JSON settings).</summary>
/// <param name="Status">The HTTP status (the command line exits 1 and prints the body).</param>
/// <param name="Body">The response body; null for none.</param>
public sealed record ErrorResponse(int Status, object? Body);

/// <summary>
/// The API's exception handlers, one per exception type. The most specific registered type wins:
/// a handler for <c>ArgumentException</c> beats one for <c>Exception</c> on an
/// <c>ArgumentNullException</c>, whatever the order of registration (unlike hug's first-registered rule).
/// </summary>
internal sealed class ExceptionHandlers
{
    // Created with the first handler: an API without any pays no type loads for them at start-up.
    private Dictionary<Type, Func<Exception, CallContext, ErrorResponse?>>? handlers;
    private ConcurrentDictionary<Type, Func<Exception, CallContext, ErrorResponse?>?>? resolved;

    public bool IsEmpty => handlers is null;

    public void Add<TException>(Func<TException, CallContext, ErrorResponse?> handler) where TException : Exception
    {
        handlers ??= [];
        if (!handlers.TryAdd(typeof(TException), (exception, call) => handler((TException)exception, call)))
            throw new HugConfigurationException($"An exception handler for {typeof(TException).Name} is already registered.");
        resolved = new();
    }

    /// <summary>Takes the handlers of <paramref name="other"/> (a mounted API) for the exception types this one does not handle.</summary>
    public void AddMissing(ExceptionHandlers other)
    {
        if (other.handlers is null) return;
        handlers ??= [];
        foreach (var (type, handler) in other.handlers) handlers.TryAdd(type, handler);
        resolved = new();
    }

    /// <summary>The answer of the most specific handler, or null when none handles it (or it declines by returning null).</summary>
    public ErrorResponse? Handle(Exception exception, CallContext call) =>
        resolved?.GetOrAdd(exception.GetType(), Find) is { } handler ? handler(exception, call) : null;

    private Func<Exception, CallContext, ErrorResponse?>? Find(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (handlers!.TryGetValue(current, out var handler)) return handler;
        return null;
    }
}
