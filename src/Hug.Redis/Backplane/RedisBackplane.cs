using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Hug.Redis.Backplane;

/// <summary>
/// <see cref="IWebSocketBackplane"/> over Redis pub/sub: one channel per API (<c>{prefix}:websockets</c>). The connection
/// is made when the API is served, never blocks a request, and reconnects by itself (StackExchange.Redis, which also
/// subscribes again). While Redis is away a broadcast still reaches this instance's connections; what would go to the
/// others is dropped at once (fail-fast backlog: no growing queue, no burst of stale messages on reconnect), and the
/// outage is logged once.
/// </summary>
internal sealed class RedisBackplane(string configuration, string prefix) : IWebSocketBackplane, IDisposable
{
    private readonly Guid instance = Guid.NewGuid();
    private readonly TaskCompletionSource<IConnectionMultiplexer> connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The one connection to Redis, shared with the session store's cache (so a store call fails at once while Redis is
    /// away, never waiting for a connection of its own); made when the API is served.
    /// </summary>
    public Task<IConnectionMultiplexer> Connection => connected.Task;
    private readonly RedisChannel channel = RedisChannel.Literal(prefix + ":websockets");
    private ConnectionMultiplexer? redis;
    private int warned;

    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Whether Redis is connected and this instance subscribed: broadcasts reach every instance.</summary>
    public bool IsConnected => redis is { IsConnected: true } && subscribed;

    private Action<WebSocketBroadcast> receive = static _ => { };
    private volatile bool subscribed;
    private int subscribing;

    public void Start(Action<WebSocketBroadcast> receiver)
    {
        receive = receiver;
        _ = ConnectAsync();
    }

    private async Task ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // down at start-up: keep trying in the background
        options.BacklogPolicy = BacklogPolicy.FailFast;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (Exception exception)
        {
            // Only a configuration it cannot use gets here (an unreachable server is retried): sessions then fail at once too.
            Logger.LogError(exception, "Cannot use the Redis configuration given (not logged: it may hold a password): broadcasts stay on this instance.");
            connected.TrySetException(exception);
            return;
        }
        connected.TrySetResult(redis);
        redis.ConnectionFailed += (_, failure) => Lost(failure.Exception?.Message ?? failure.FailureType.ToString());
        redis.ConnectionRestored += (_, _) =>
        {
            Restored();
            _ = SubscribeAsync(); // if the first attempt found Redis away; once made, the multiplexer renews it itself
        };
        if (!redis.IsConnected) Lost("not reachable at start-up");
        await SubscribeAsync();
    }

    private async Task SubscribeAsync()
    {
        if (subscribed || redis is null || Interlocked.Exchange(ref subscribing, 1) == 1) return;
        try
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(channel);
            // One queue, handled in order: broadcasts from one instance arrive in the order it made them.
            queue.OnMessage(message =>
            {
                if (BroadcastCodec.TryDecode((ReadOnlyMemory<byte>)message.Message, out var origin, out var broadcast) && origin != instance)
                    receive(broadcast);
            });
            subscribed = true;
        }
        catch (RedisException exception)
        {
            Lost(exception.Message);
        }
        finally
        {
            Volatile.Write(ref subscribing, 0);
        }
    }

    public void Publish(WebSocketBroadcast broadcast)
    {
        if (redis is not { IsConnected: true } connected) return; // local delivery is done; the others miss this one
        try
        {
            connected.GetSubscriber().Publish(channel, BroadcastCodec.Encode(instance, broadcast), CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            Lost(exception.Message);
        }
    }

    private void Lost(string why)
    {
        if (Interlocked.Exchange(ref warned, 1) == 0)
            Logger.LogWarning("Redis is unreachable ({Reason}): WebSocket broadcasts reach this instance's connections only until it is back.", why);
    }

    private void Restored()
    {
        if (Interlocked.Exchange(ref warned, 0) == 1)
            Logger.LogInformation("Redis is back: WebSocket broadcasts reach every instance again.");
    }

    public void Dispose() => redis?.Dispose();
}
