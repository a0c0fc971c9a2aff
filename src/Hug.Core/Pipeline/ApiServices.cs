using Microsoft.Extensions.DependencyInjection;

namespace Hug.Pipeline;

/// <summary>
/// The API's own DI container, for calls made outside a web host (the command line, Local calls):
/// built from <see cref="HugApi.Services"/> only when the API registered any, so a plain command
/// pays nothing for DI.
/// </summary>
internal sealed class ApiServices(IServiceCollection? registrations, Func<IServiceCollection, IServiceProvider>? build) : IDisposable
{
    private IServiceProvider? provider;

    /// <summary>The container: the one built by the hook given (the command line's: configuration, logging and options, as a web host has them), else the registrations alone.</summary>
    public IServiceProvider Provider => registrations is null ? Empty.Instance : provider ??= build is null ? registrations.BuildServiceProvider() : build(registrations);

    public bool IsService(Type type) => registrations is not null && Provider.GetService<IServiceProviderIsService>()?.IsService(type) == true;

    /// <summary>Disposes the container built so far; the next use builds a new one (an API may run its command line again).</summary>
    public void Dispose()
    {
        var built = provider;
        provider = null;
        (built as IDisposable)?.Dispose();
    }

    /// <summary>A provider with no services.</summary>
    public static IServiceProvider None => Empty.Instance;

    private sealed class Empty : IServiceProvider
    {
        public static readonly Empty Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
