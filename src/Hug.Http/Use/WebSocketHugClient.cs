using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Hug.Use;

/// <summary>
/// Calls as WebSocket messages on one connection (<c>{"id", "call", "args", "version"}</c> at the API's
/// <c>/calls</c>), opened on the first call and again after it drops; calls run concurrently and answers find their
/// call by id. Credentials go as headers of the upgrade request, which is what the server checks them against, so
/// each set of credentials has its own connection; the clients made from one (<see cref="IHugClient.WithCredentials"/>)
/// share its connections, and disposing that first client closes them all.
/// </summary>
internal sealed class WebSocketHugClient : RemoteHugClient
{
    private readonly Uri address;
    private readonly SocketConnections connections;
    private readonly bool ownsConnections;

    public WebSocketHugClient(Uri address, HugApi? api, SocketConnector? connect = null)
        : this(address, api, null, null, new SocketConnections(connect ?? SocketConnection.ConnectAsync), true)
    {
    }

    private WebSocketHugClient(Uri address, HugApi? api, HugCredentials? credentials, int? version, SocketConnections connections, bool owns)
        : base(api, credentials, version) => (this.address, this.connections, ownsConnections) = (address, connections, owns);

    protected override IHugClient With(HugCredentials? credentials, int? version) => new WebSocketHugClient(address, Api, credentials, version, connections, false);

    public override ValueTask DisposeAsync() => ownsConnections ? connections.DisposeAsync() : ValueTask.CompletedTask;

    protected override async Task<HugResponse> SendAsync(RemoteCall call, CancellationToken cancellationToken)
    {
        var status = ClientMethods.SuccessStatus(call.Endpoint);
        await using var sent = await StartAsync(call, cancellationToken).ConfigureAwait(false);
        List<JsonElement>? items = null;
        await foreach (var reply in sent.Replies.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reply.TryGetProperty("item", out var item)) (items ??= []).Add(item);
            else if (reply.TryGetProperty("done", out _)) return new HugResponse(status, ArrayOf(items ?? []));
            else return Answer(reply, status);
        }
        throw new System.Net.WebSockets.WebSocketException("The connection closed before the call was answered.");
    }

    protected override async IAsyncEnumerable<JsonElement> SendStreamAsync(RemoteCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var sent = await StartAsync(call, cancellationToken).ConfigureAwait(false);
        await foreach (var reply in sent.Replies.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reply.TryGetProperty("item", out var item)) yield return item;
            else if (reply.TryGetProperty("done", out _)) yield break;
            else
            {
                var answer = Answer(reply, 200);
                if (!answer.IsSuccess) throw Failure(call.Endpoint?.DisplayName ?? call.Name, answer);
                throw new InvalidOperationException($"{call.Name} does not stream; call it with RequestAsync.");
            }
        }
        throw new System.Net.WebSockets.WebSocketException("The connection closed before the stream ended.");
    }

    private async Task<SocketCall> StartAsync(RemoteCall call, CancellationToken cancellationToken)
    {
        var open = await connections.GetAsync(address, Credentials, cancellationToken).ConfigureAwait(false);
        return await open.CallAsync(call.Name, call.Arguments, call.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>{"result"}</c> is a success; <c>{"status", "errors"}</c> a problem; <c>{"status", "body"}</c> an <c>OnException</c> handler's answer.</summary>
    private static HugResponse Answer(JsonElement reply, int successStatus)
    {
        if (reply.TryGetProperty("result", out var result)) return new HugResponse(successStatus, result);
        var status = reply.TryGetProperty("status", out var s) && s.TryGetInt32(out var number) ? number : 500;
        return new HugResponse(status, reply.TryGetProperty("body", out var body) ? body : default,
            reply.TryGetProperty("errors", out var errors) ? ErrorMap.Read(errors) : null);
    }

    private static JsonElement ArrayOf(List<JsonElement> items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items) item.WriteTo(writer);
            writer.WriteEndArray();
        }
        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
