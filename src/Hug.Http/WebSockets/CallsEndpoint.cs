using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;
using Hug.Pipeline;
using Microsoft.Extensions.Logging;

namespace Hug.WebSockets;

/// <summary>
/// The methods of the API as WebSocket messages: <c>{"id": 1, "call": "add", "args": {…}}</c> →
/// <c>{"id": 1, "result": 3}</c> or <c>{"id": 1, "status": 400, "errors": {…}}</c> (HTTP's status and
/// messages; an <c>OnException</c> handler's answer is <c>{"id", "status", "body"}</c>). Calls on one
/// socket run concurrently and replies carry their id; a stream answers <c>{"id", "item"}</c> per
/// item, then <c>{"id", "done": true}</c>. Each call runs the endpoint's WebSocket pipeline: the
/// method's HTTP requirements apply (checked against the upgrade request), and the transforms scoped
/// to <see cref="HugInterfaces.WebSocket"/>.
/// </summary>
internal sealed class CallsEndpoint(HugApi api, ILogger<CallsEndpoint> logger) : WebSocketEndpoint
{
    // One endpoint instance per connection: the calls this connection has running (HugOptions.WebSocketMaxCallsInFlight).
    private SemaphoreSlim? inFlight;

    /// <summary>
    /// Starts the call and returns, so calls on one socket run concurrently; with the connection's limit of calls
    /// running, waits for one to finish first. The socket is not read meanwhile: a client that floods calls (or never
    /// reads the answers, which then hold their calls) is slowed down, and costs the server a bounded amount.
    /// </summary>
    public override async Task HandleMessageAsync(WebSocketConnection ws, string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException exception)
        {
            await Errors(ws, null, 400, "message", JsonErrors.Malformed(exception));
            return;
        }
        var slots = inFlight ??= new SemaphoreSlim(Math.Max(1, api.Options.WebSocketMaxCallsInFlight));
        try
        {
            await slots.WaitAsync(ws.Aborted);
        }
        catch
        {
            document.Dispose();
            throw;
        }
        _ = RunAsync(ws, document, slots);
    }

    private async Task RunAsync(WebSocketConnection ws, JsonDocument document, SemaphoreSlim slots)
    {
        using var _ = document;
        using var slot = new Slot(slots);
        var root = document.RootElement;
        object? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
        try
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("call", out var callElement) || callElement.ValueKind != JsonValueKind.String)
            {
                await Errors(ws, id, 400, "call", "Send {\"id\": …, \"call\": \"name\", \"args\": {…}}");
                return;
            }
            if (!JsonErrors.TryGetString(callElement, out var name))
            {
                await Errors(ws, id, 400, "call", JsonErrors.InvalidText);
                return;
            }
            var endpoint = api.Calls.Find(name!, null, IsCallable);
            if (endpoint is null)
            {
                await Errors(ws, id, 404, "call", $"Unknown call '{name}'");
                return;
            }
            var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Object)
                foreach (var property in args.EnumerateObject())
                    if (JsonErrors.TryGetName(property, out var argument)) values[argument] = RawValue.FromJson(property.Value);
            await CallAsync(ws, id, endpoint, values);
        }
        catch (OperationCanceledException) when (ws.Aborted.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "WebSocket call failed");
            if (ws.IsOpen) await Errors(ws, id, 500, "500 Internal Server Error", "The server failed to complete the call; the error has been logged");
        }
    }

    /// <summary>Runs the endpoint's WebSocket pipeline and answers its outcome: the result, each item of a stream, or the failure.</summary>
    private async Task CallAsync(WebSocketConnection ws, object? id, EndpointDescriptor endpoint, Dictionary<string, RawValue> values)
    {
        var services = ws.Http.RequestServices;
        var pipeline = api.Calls.For(endpoint, HugInterfaces.WebSocket);
        var call = new CallContext(api, endpoint.DisplayName, HugInterfaces.WebSocket, services, ws.Http, ws.Aborted, null, static _ => null)
        {
            AdapterValues = Http.HttpDirectives.Read,
        };
        await using var context = new ArgumentsBindingContext(call, values);
        CallFailure? failure;
        try
        {
            var outcome = await pipeline.RunBoxedAsync(context);
            failure = outcome.Failure;
            if (failure is null)
            {
                if (outcome.Boxed is { } result && StreamItems(endpoint, result) is { } items)
                {
                    await foreach (var item in items.WithCancellation(ws.Aborted)) await ws.SendJsonAsync(new CallItem(id, item));
                    await ws.SendJsonAsync(new CallDone(id));
                }
                else await ws.SendJsonAsync(new CallAnswer(id, outcome.Boxed));
                return;
            }
        }
        catch (Exception exception) when (!context.OwnsException(exception) && !ws.Aborted.IsCancellationRequested)
        {
            // Thrown by a stream's items: mapped as the pipeline maps the method's own exceptions.
            failure = pipeline.Fail(exception, context);
        }
        if (failure.Kind == FailureKind.Failed) logger.LogError(failure.Exception, "WebSocket call {Endpoint} failed", endpoint.DisplayName);
        if (!ws.IsOpen) return;
        if (failure.Kind == FailureKind.Handled) await ws.SendJsonAsync(new CallHandled(id, failure.Status, failure.Handled!.Body));
        else await ws.SendJsonAsync(new CallError(id, failure.Status, failure.ErrorMap));
    }

    /// <summary>Methods marked <c>[SocketCall]</c>, or every exposed method with <see cref="HugOptions.AllMethodsOverWebSocket"/>.</summary>
    private bool IsCallable(EndpointDescriptor endpoint) =>
        endpoint.SocketCall || (api.Options.AllMethodsOverWebSocket && (endpoint.Http.Length > 0 || endpoint.Cli.Length > 0));

    /// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c> result (by the method's declared result, as HTTP and the command line decide) as items of object, or null.</summary>
    private static IAsyncEnumerable<object?>? StreamItems(EndpointDescriptor endpoint, object result) =>
        endpoint.ResultShape.StreamItem?.Accept(Boxer.Instance)(result);

    private sealed class Boxer : Invocation.ITypeShapeVisitor<Func<object, IAsyncEnumerable<object?>>>
    {
        public static readonly Boxer Instance = new();

        public Func<object, IAsyncEnumerable<object?>> Visit<T>() => Box<T>;
    }

    private static async IAsyncEnumerable<object?> Box<T>(object items)
    {
        await foreach (var item in (IAsyncEnumerable<T>)items) yield return item;
    }

    /// <summary>Gives the call's place back when the call ends, however it ends.</summary>
    private readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }

    private static Task Errors(WebSocketConnection ws, object? id, int status, string key, string message) =>
        ws.SendJsonAsync(new CallError(id, status, new Dictionary<string, string> { [key] = message }));
}
