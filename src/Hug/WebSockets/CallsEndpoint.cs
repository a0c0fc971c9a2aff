using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;
using Hug.Http;
using Microsoft.Extensions.Logging;

namespace Hug.WebSockets;

/// <summary>
/// The methods of the API as WebSocket messages: <c>{"id": 1, "call": "add", "args": {…}}</c> →
/// <c>{"id": 1, "result": 3}</c> or <c>{"id": 1, "errors": {…}}</c> (HTTP's messages). Calls on one
/// socket run concurrently and replies carry their id; a stream answers <c>{"id", "item"}</c> per
/// item, then <c>{"id", "done": true}</c>. The HTTP requirements of a method apply, checked
/// against the upgrade request.
/// </summary>
internal sealed class CallsEndpoint(HugApi api, ILogger<CallsEndpoint> logger) : WebSocketEndpoint
{
    public override Task HandleMessageAsync(WebSocketConnection ws, string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException exception)
        {
            return ws.SendJsonAsync(new { id = (object?)null, errors = new Dictionary<string, string> { ["message"] = JsonErrors.Malformed(exception) } });
        }
        _ = RunAsync(ws, document);
        return Task.CompletedTask;
    }

    private async Task RunAsync(WebSocketConnection ws, JsonDocument document)
    {
        using var _ = document;
        var root = document.RootElement;
        object? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
        try
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("call", out var callElement) || callElement.ValueKind != JsonValueKind.String)
            {
                await Errors(ws, id, "call", "Send {\"id\": …, \"call\": \"name\", \"args\": {…}}");
                return;
            }
            var name = callElement.GetString()!;
            var endpoint = Find(name);
            if (endpoint is null)
            {
                await Errors(ws, id, "call", $"Unknown call '{name}'");
                return;
            }
            var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Object)
                foreach (var property in args.EnumerateObject()) values[property.Name] = RawValue.FromJson(property.Value);
            var call = new CallContext(api, endpoint.DisplayName, HugInterfaces.Http, ws.Http.RequestServices, ws.Http, ws.Aborted, null, static _ => null);
            foreach (var requirement in api.RequirementsFor(endpoint, HugInterfaces.Http, endpoint.Http.SelectMany(r => r.Requires)))
            {
                var check = await requirement.CheckAsync(call);
                if (!check.Succeeded)
                {
                    await Errors(ws, id, check.Title, check.Message);
                    return;
                }
            }
            await using var context = new LocalBindingContext(call, endpoint.DisplayName, values);
            var result = await LocalInvokers.For(api, endpoint, ws.Http.RequestServices)(context);
            if (context.HasErrors)
            {
                await ws.SendJsonAsync(new { id, errors = context.Errors });
                return;
            }
            if (result is not null && StreamItems(result) is { } items)
            {
                await foreach (var item in items.WithCancellation(ws.Aborted)) await ws.SendJsonAsync(new { id, item });
                await ws.SendJsonAsync(new { id, done = true });
                return;
            }
            await ws.SendJsonAsync(new { id, result });
        }
        catch (OperationCanceledException) when (ws.Aborted.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "WebSocket call failed");
            if (ws.IsOpen) await Errors(ws, id, "500 Internal Server Error", "The server failed to complete the call; the error has been logged");
        }
    }

    private EndpointDescriptor? Find(string name) => api.Endpoints.FirstOrDefault(e =>
        (e.SocketCall || (api.Options.AllMethodsOverWebSocket && (e.Http.Length > 0 || e.Cli.Length > 0)))
        && (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) || Naming.Kebab(e.Name) == name));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, IAsyncEnumerable<object?>>?> Streams = new();

    /// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c> result as items of object, or null; the adapter is made once per result type.</summary>
    private static IAsyncEnumerable<object?>? StreamItems(object result) => Streams.GetOrAdd(result.GetType(), static type =>
        Invocation.TypeShape.AsyncStreamItem(type) is { } item
            ? typeof(CallsEndpoint).GetMethod(nameof(Box), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(item).CreateDelegate<Func<object, IAsyncEnumerable<object?>>>()
            : null)?.Invoke(result);

    private static async IAsyncEnumerable<object?> Box<T>(object items)
    {
        await foreach (var item in (IAsyncEnumerable<T>)items) yield return item;
    }

    private static Task Errors(WebSocketConnection ws, object? id, string key, string message) =>
        ws.SendJsonAsync(new { id, errors = new Dictionary<string, string> { [key] = message } });
}
