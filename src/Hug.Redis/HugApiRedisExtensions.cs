using Hug.Redis.Backplane;
using Hug.Redis.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hug;

/// <summary>Runs several instances of an API: <c>api.UseRedis("localhost:6379")</c>.</summary>
public static class HugApiRedisExtensions
{
    extension(HugApi api)
    {
        /// <summary>
        /// Shares the API's WebSocket broadcasts between its instances through Redis: a broadcast to an endpoint, a group or
        /// all but the sender reaches the matching connections of every instance (<see cref="IWebSocketHub.Count"/> still
        /// counts this instance's). <paramref name="configuration"/> is a StackExchange.Redis configuration string
        /// (<c>"localhost:6379"</c>, <c>"redis1:6379,redis2:6379,password=…"</c>); null reads the <c>Redis</c> connection string
        /// (<c>ConnectionStrings:Redis</c>, or the environment variable <c>ConnectionStrings__Redis</c>) when served.
        /// <see cref="HugSession"/>s are kept in Redis too (<c>IDistributedCache</c>), so a session set through one instance is read
        /// through any other. Adds a <c>redis</c> health check (Degraded while Redis is away; map it with <c>app.MapHealthChecks</c>).
        /// </summary>
        /// <param name="configuration">Where Redis is; null: from configuration.</param>
        /// <param name="channelPrefix">The channel's prefix: APIs sharing one Redis need different ones.</param>
        public HugApi UseRedis(string? configuration = null, string channelPrefix = "hug")
        {
            RedisBackplane? backplane = configuration is null ? null : new RedisBackplane(configuration, channelPrefix);
            if (backplane is not null) api.UseWebSocketBackplane(backplane);
            api.ConfigureWebBuilder(builder =>
            {
                if (backplane is null)
                {
                    var configured = builder.Configuration.GetConnectionString("Redis")
                        ?? throw new HugConfigurationException("UseRedis(): no Redis configured; pass its address, or set ConnectionStrings:Redis (ConnectionStrings__Redis).");
                    backplane = new RedisBackplane(configured, channelPrefix);
                    api.UseWebSocketBackplane(backplane);
                }
                builder.Services.AddSingleton(backplane);
                builder.Services.AddStackExchangeRedisCache(options =>
                {
                    options.ConnectionMultiplexerFactory = () => backplane.Connection;
                    options.InstanceName = channelPrefix + ":";
                });
                builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
            });
            api.ConfigureWebApp(app =>
            {
                backplane!.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hug.Redis");
                app.Lifetime.ApplicationStopped.Register(backplane.Dispose);
            });
            return api;
        }
    }
}
