using Microsoft.Extensions.DependencyInjection;
using Hug.Binding;
using Microsoft.Extensions.Primitives;

namespace Hug.Cli;

/// <summary>
/// One command invocation as the binder sees it: the text values parsed from argv, one per command
/// parameter (arrays rather than a dictionary: a <c>Dictionary&lt;string, StringValues&gt;</c> is
/// generic code ReadyToRun cannot precompile, so a command JIT-compiled seven methods for it).
/// </summary>
internal sealed class CliBindingContext(IServiceProvider services, CliParameter[] parameters, StringValues[] values, CancellationToken cancellation,
    HugApi api, string endpoint, Func<string, string?>? credential)
    : BindingContext
{
    private IServiceProvider? scoped;

    /// <summary>The call's scope of the API's container, as a web host makes one per request (made when first asked).</summary>
    public override IServiceProvider Services => scoped ??= Scope();

    private IServiceProvider Scope()
    {
        if (services.GetService(typeof(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory)) is not Microsoft.Extensions.DependencyInjection.IServiceScopeFactory factory)
            return services;
        var scope = factory.CreateAsyncScope();
        RegisterForDispose(scope);
        return scope.ServiceProvider;
    }

    public override CancellationToken Cancellation => cancellation;

    public override RawValue GetValue(string name)
    {
        for (var i = 0; i < parameters.Length; i++)
            if (values[i].Count > 0 && string.Equals(parameters[i].Parameter.Name, name, StringComparison.Ordinal))
                return RawValue.FromStrings(values[i]);
        return RawValue.Missing;
    }

    public override RawValue GetBody() => RawValue.Missing;

    protected override CallContext CreateCall() =>
        new(api, endpoint, HugInterfaces.Cli, Services, null, cancellation, null, credential ?? NoCredential);

    /// <summary>The credentials of a command whose requirements read none.</summary>
    private static string? NoCredential(string name) => null;
}
