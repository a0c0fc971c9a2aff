using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;
using Hug.Invocation;
using System.Runtime.CompilerServices;

namespace Hug;

/// <summary>
/// A directive: calls a sibling endpoint of the same API in-process, at the caller's API version
/// (hug's <c>current_api</c>). The sibling's parameters are bound and validated as on any interface;
/// its requirements are not re-checked (the calling call already passed its own) and the
/// authenticated user carries over.
/// </summary>
public sealed class CurrentApi
{
    private readonly CallContext caller;

    internal CurrentApi(CallContext caller) => this.caller = caller;

    /// <summary>
    /// Calls the endpoint named <paramref name="endpoint"/> (method name or kebab-case name) with
    /// <paramref name="arguments"/> (an anonymous object or a dictionary of parameter values).
    /// Throws <see cref="HugValidationException"/> with every error when arguments do not bind.
    /// </summary>
    public async Task<T> CallAsync<T>(string endpoint, object? arguments = null)
    {
        var api = caller.Api;
        var descriptor = Find(api, endpoint, caller.ApiVersion);
        var invoker = LocalInvokers.For(api, descriptor, caller.Services);
        var values = Values(arguments, api.Options.ReadOnlyJson);
        await using var context = new LocalBindingContext(caller, descriptor.DisplayName, values);
        var result = await invoker(context);
        if (context.HasErrors) throw new HugValidationException(descriptor.DisplayName, context.Errors);
        return (T)result!;
    }

    private static EndpointDescriptor Find(HugApi api, string name, int? version)
    {
        var candidates = api.Endpoints.Where(e =>
            string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(e.Method.Name, name, StringComparison.OrdinalIgnoreCase)
            || Naming.Kebab(e.Name) == name).ToList();
        return candidates.FirstOrDefault(e => version is { } v && e.Http.Any(r => r.Versions.Contains(v)))
            ?? candidates.FirstOrDefault(e => e.Http.All(r => r.Versions.Count == 0))
            ?? candidates.FirstOrDefault()
            ?? throw new InvalidOperationException($"API function '{name}' not found");
    }

    private static Dictionary<string, RawValue> Values(object? arguments, JsonSerializerOptions json)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, object?>> pairs = arguments switch
        {
            null => [],
            IEnumerable<KeyValuePair<string, object?>> dictionary => dictionary,
            _ => arguments.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(arguments))),
        };
        foreach (var (key, value) in pairs)
            values[key] = value switch
            {
                null => RawValue.Missing,
                string text => RawValue.FromStrings(text),
                _ => RawValue.FromJson(JsonSerializer.SerializeToElement(value, value.GetType(), json)),
            };
        return values;
    }
}

/// <summary>A call's arguments did not bind; <see cref="Errors"/> holds every message, as HTTP's 400 would.</summary>
public sealed class HugValidationException(string endpoint, IReadOnlyDictionary<string, string> errors)
    : Exception($"{endpoint}: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")))
{
    /// <summary>Parameter (or member path) → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>An in-process call's arguments, as the binder sees them.</summary>
internal sealed class LocalBindingContext(CallContext caller, string endpoint, Dictionary<string, RawValue> values)
    : BindingContext
{
    public override IServiceProvider Services => caller.Services;

    public override Microsoft.AspNetCore.Http.HttpContext? HttpContext => caller.HttpContext;

    public override CancellationToken Cancellation => caller.Cancellation;

    public override RawValue GetValue(string name) => values.TryGetValue(name, out var value) ? value : RawValue.Missing;

    public override RawValue GetBody() => RawValue.Missing;

    protected override CallContext CreateCall() =>
        new(caller.Api, endpoint, HugInterfaces.Local, caller.Services, caller.HttpContext, caller.Cancellation, caller.ApiVersion, caller.Credential)
        {
            User = caller.User,
        };
}

/// <summary>Compiled invokers of in-process calls, one per endpoint, results boxed for <see cref="CurrentApi"/>.</summary>
internal static class LocalInvokers
{
    private static readonly ConditionalWeakTable<HugApi, ConcurrentDictionary<EndpointDescriptor, Func<BindingContext, ValueTask<object?>>>> Cache = new();

    public static Func<BindingContext, ValueTask<object?>> For(HugApi api, EndpointDescriptor descriptor, IServiceProvider services) =>
        Cache.GetOrCreateValue(api).GetOrAdd(descriptor, d =>
        {
            var isService = services.GetService(typeof(Microsoft.Extensions.DependencyInjection.IServiceProviderIsService))
                as Microsoft.Extensions.DependencyInjection.IServiceProviderIsService;
            var binders = ParameterBinder.For(d, api, t => isService?.IsService(t) == true);
            var invoker = InvokerCompiler.Compile(d, binders);
            return Generic.Create<IBoxer>(typeof(Boxer<>), InvokerCompiler.ResultType(d), invoker).Invoke;
        });

    private interface IBoxer
    {
        ValueTask<object?> Invoke(BindingContext context);
    }

    private sealed class Boxer<TResult>(Delegate invoker) : IBoxer
    {
        private readonly Func<BindingContext, ValueTask<TResult>> invoke = (Func<BindingContext, ValueTask<TResult>>)invoker;

        public async ValueTask<object?> Invoke(BindingContext context)
        {
            var result = await invoke(context);
            return typeof(TResult) == typeof(NoResult) ? null : result;
        }
    }
}
