namespace Hug.Binding;

/// <summary>
/// A call whose arguments arrive as named values (a WebSocket call's <c>args</c>, an in-process call's
/// object or dictionary), its <see cref="CallContext"/> made by the adapter.
/// </summary>
internal sealed class ArgumentsBindingContext(CallContext call, Dictionary<string, RawValue> values) : BindingContext
{
    public override IServiceProvider Services => call.Services;

    public override Microsoft.AspNetCore.Http.HttpContext? HttpContext => call.HttpContext;

    public override CancellationToken Cancellation => call.Cancellation;

    public override RawValue GetValue(string name) => values.TryGetValue(name, out var value) ? value : RawValue.Missing;

    public override RawValue GetBody() => RawValue.Missing;

    protected override CallContext CreateCall() => call;
}
