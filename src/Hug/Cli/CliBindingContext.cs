using Hug.Binding;
using Microsoft.Extensions.Primitives;

namespace Hug.Cli;

/// <summary>One command invocation as the binder sees it: the text values parsed from argv.</summary>
internal sealed class CliBindingContext(IServiceProvider services, Dictionary<string, StringValues> values, CancellationToken cancellation,
    HugApi api, string endpoint, Func<string, string?> credential)
    : BindingContext
{
    public override IServiceProvider Services => services;

    public override CancellationToken Cancellation => cancellation;

    public override RawValue GetValue(string name) =>
        values.TryGetValue(name, out var value) ? RawValue.FromStrings(value) : RawValue.Missing;

    public override RawValue GetBody() => RawValue.Missing;

    protected override CallContext CreateCall() =>
        new(api, endpoint, HugInterfaces.Cli, Services, null, cancellation, null, credential);
}
