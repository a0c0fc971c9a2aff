namespace Hug;

/// <summary>
/// A directive: calls a sibling endpoint of the same API in process, at the caller's API version
/// (hug's <c>current_api</c>). The call runs the sibling's Local pipeline: its requirements scoped to
/// <see cref="HugInterfaces.Local"/> (checked against the caller's request or credentials, the
/// authenticated user carried over), binding and validation, transforms.
/// </summary>
public sealed class CurrentApi
{
    private readonly CallContext caller;

    internal CurrentApi(CallContext caller) => this.caller = caller;

    /// <summary>
    /// Calls the endpoint named <paramref name="endpoint"/> (method name or kebab-case name) with
    /// <paramref name="arguments"/> (an anonymous object or a dictionary of parameter values).
    /// Throws <see cref="HugValidationException"/> with every error when arguments do not bind and
    /// <see cref="HugRequirementException"/> when a requirement refuses; the sibling's own exceptions
    /// pass through unchanged, for the calling endpoint's handlers to map.
    /// </summary>
    public async Task<T> CallAsync<T>(string endpoint, object? arguments = null)
    {
        var api = caller.Api;
        var descriptor = api.Calls.Find(endpoint, caller.ApiVersion) ?? throw new InvalidOperationException($"API function '{endpoint}' not found");
        var call = new CallContext(api, descriptor.DisplayName, HugInterfaces.Local, caller.Services, caller.Transport, caller.Cancellation,
            caller.ApiVersion, caller.Credential)
        {
            User = caller.User,
            AdapterValues = caller.AdapterValues,
        };
        try
        {
            return (T)(await LocalInterface.RunAsync(call, descriptor, arguments, rethrowHandled: true))!;
        }
        catch (HugCallException answer)
        {
            answer.FromSibling = true; // the sibling's refusal or invalid input is the call's answer, unless a handler maps it
            throw;
        }
    }
}
