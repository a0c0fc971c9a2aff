namespace Hug.Binding;

/// <summary>
/// A call whose arguments arrive as named values (a WebSocket call's <c>args</c>, an in-process call's
/// object or dictionary), its <see cref="CallContext"/> made by the adapter.
/// </summary>
internal sealed class ArgumentsBindingContext(CallContext call, Dictionary<string, RawValue> values) : BindingContext
{
    public override IServiceProvider Services => call.Services;

    /// <summary>The adapter values of the call this one came through (a WebSocket call's upgrade request, a <see cref="CurrentApi"/> caller's request).</summary>
    public override object? AdapterValue(Introspection.ContextValue kind, string parameter) =>
        call.AdapterValues is { } read && call.Transport is { } transport ? read(transport, kind, parameter) : null;

    public override CancellationToken Cancellation => call.Cancellation;

    public override RawValue GetValue(string name) => values.TryGetValue(name, out var value) ? value : RawValue.Missing;

    public override RawValue GetBody() => RawValue.Missing;

    protected override CallContext CreateCall() => call;
}
