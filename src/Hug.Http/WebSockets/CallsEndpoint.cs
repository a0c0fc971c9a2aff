using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;
using Hug.Pipeline;
using Microsoft.Extensions.Logging;

namespace Hug.WebSockets;

/// <summary>
/// The methods of the API as WebSocket messages: <c>{"id": 1, "call": "add", "args": {…}}</c> (and <c>"version": 2</c>
/// to call the endpoint serving an API version) →
/// <c>{"id": 1, "result": 3}</c> or <c>{"id": 1, "status": 400, "errors": {…}}</c> (HTTP's status and
/// messages; an <c>OnException</c> handler's answer is <c>{"id", "status", "body"}</c>). Calls on one
/// socket run concurrently and replies carry their id; a stream answers <c>{"id", "item"}</c> per
/// item, then <c>{"id", "done": true}</c>. Each call runs the endpoint's WebSocket pipeline: the
/// method's HTTP requirements apply (checked against the upgrade request), and the transforms scoped
/// to <see cref="HugInterfaces.WebSocket"/>.
/// </summary>
internal sealed class CallsEndpoint(HugApi api, ILogger<CallsEndpoint> logger) : WebSocketEndpoint
{
    // One endpoint instance per connection: the calls this connection has running (HugOptions.WebSocketMaxCallsInFlight),
    // and how to cancel each by its id (a client that stops reading a stream, or gives up on a call, sends {"id", "cancel": true}).
    private SemaphoreSlim? inFlight;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);

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
        if (IsCancel(document.RootElement, out var cancelled))
        {
            // Not queued behind the running calls: it is what frees their places.
            using (document)
                if (running.TryGetValue(cancelled, out var call)) await call.CancelAsync();
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
        var key = id is JsonElement idValue ? idValue.GetRawText() : null;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(ws.Aborted);
        if (key is not null && !running.TryAdd(key, cancellation)) key = null; // a reused id in flight: that call cannot be cancelled by it
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
            if (!TryReadVersion(root, out var version))
            {
                await Errors(ws, id, 400, "version", "The version must be a whole number (\"version\": 2), or left out");
                return;
            }
            if (root.TryGetProperty("args", out var args) && args.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                await Errors(ws, id, 400, "args", "The arguments must be an object of names to values (\"args\": {\"n\": 1}), or left out");
                return;
            }
            var endpoint = api.Calls.Find(name!, version, IsCallable);
            if (endpoint is null)
            {
                await Errors(ws, id, 404, "call", $"Unknown call '{name}'");
                return;
            }
            var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
            if (args.ValueKind == JsonValueKind.Object)
                foreach (var property in args.EnumerateObject())
                    if (JsonErrors.TryGetName(property, out var argument)) values[argument] = RawValue.FromJson(property.Value);
            await CallAsync(ws, id, endpoint, version, values, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "WebSocket call failed");
            if (ws.IsOpen) await Errors(ws, id, 500, "500 Internal Server Error", "The server failed to complete the call; the error has been logged");
        }
        finally
        {
            if (key is not null) running.TryRemove(key, out var _);
        }
    }

    /// <summary>A binary message is no call: answered so the client does not wait for a reply that would never come.</summary>
    public override Task HandleBinaryAsync(WebSocketConnection ws, ReadOnlyMemory<byte> message) =>
        Errors(ws, null, 400, "message", "Calls are text messages holding JSON ({\"id\": …, \"call\": \"name\", \"args\": {…}}), not binary ones");

    /// <summary>The message's <c>"version"</c>: none, or a whole number; false for anything else (a text, a fraction, a huge number).</summary>
    private static bool TryReadVersion(JsonElement root, out int? version)
    {
        version = null;
        if (!root.TryGetProperty("version", out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number)) return false;
        version = number;
        return true;
    }

    /// <summary><c>{"id": …, "cancel": true}</c>: stop the call with that id (nothing more is sent for it).</summary>
    private static bool IsCancel(JsonElement root, out string id)
    {
        id = "";
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("cancel", out var cancel) || cancel.ValueKind != JsonValueKind.True
            || !root.TryGetProperty("id", out var idElement)) return false;
        id = idElement.GetRawText();
        return true;
    }

    /// <summary>Runs the endpoint's WebSocket pipeline and answers its outcome: the result, each item of a stream, or the failure.</summary>
    private async Task CallAsync(WebSocketConnection ws, object? id, EndpointDescriptor endpoint, int? version, Dictionary<string, RawValue> values, CancellationToken cancelled)
    {
        var services = ws.Http.RequestServices;
        var pipeline = api.Calls.For(endpoint, HugInterfaces.WebSocket);
        // The session the upgrade request's cookie names, loaded for this call and saved after it (no cookie can be set now).
        var session = endpoint.Takes(Introspection.ContextValue.Session) ? await Sessions.SessionDoor.LoadAsync(ws.Http) : null;
        var call = new CallContext(api, endpoint.DisplayName, HugInterfaces.WebSocket, services, ws.Http, cancelled, version, static _ => null)
        {
            AdapterValues = session is null ? Http.HttpDirectives.Read
                : (transport, kind, name) => kind == Introspection.ContextValue.Session ? session : Http.HttpDirectives.Read(transport, kind, name),
        };
        await using var context = new ArgumentsBindingContext(call, values);
        CallFailure? failure;
        try
        {
            var outcome = await pipeline.RunBoxedAsync(context);
            if (session is not null) await Sessions.SessionDoor.SaveAsync(ws.Http, session, setCookie: false);
            failure = outcome.Failure;
            if (failure is null)
            {
                if (outcome.Boxed is { } result && StreamItems.Of(endpoint, result) is var (items, _))
                {
                    await foreach (var item in items.WithCancellation(cancelled)) await ws.SendJsonAsync(new CallItem(id, item));
                    await ws.SendJsonAsync(new CallDone(id));
                }
                else await ws.SendJsonAsync(new CallAnswer(id, outcome.Boxed));
                return;
            }
        }
        catch (Exception exception) when (!context.OwnsException(exception) && !cancelled.IsCancellationRequested)
        {
            // Thrown by a stream's items: mapped as the pipeline maps the method's own exceptions.
            failure = pipeline.Fail(exception, context);
        }
        if (cancelled.IsCancellationRequested) return; // cancelled by the client, or the connection is gone: nobody waits for an answer
        if (failure.Kind == FailureKind.Failed) logger.LogError(failure.Exception, "WebSocket call {Endpoint} failed", endpoint.DisplayName);
        if (!ws.IsOpen) return;
        if (failure.Kind == FailureKind.Handled) await ws.SendJsonAsync(new CallHandled(id, failure.Status, failure.Handled!.Body));
        else await ws.SendJsonAsync(new CallError(id, failure.Status, failure.ErrorMap));
    }

    /// <summary>Methods marked <c>[SocketCall]</c>, or every exposed method with <see cref="HugOptions.AllMethodsOverWebSocket"/>.</summary>
    private bool IsCallable(EndpointDescriptor endpoint) =>
        endpoint.SocketCall || (api.Options.AllMethodsOverWebSocket && (endpoint.Http.Length > 0 || endpoint.Cli.Length > 0));

    /// <summary>Gives the call's place back when the call ends, however it ends.</summary>
    private readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }

    private static Task Errors(WebSocketConnection ws, object? id, int status, string key, string message) =>
        ws.SendJsonAsync(new CallError(id, status, new Dictionary<string, string> { [key] = message }));
}
