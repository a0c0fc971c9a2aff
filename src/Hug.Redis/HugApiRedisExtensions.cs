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
        /// Shares the API's WebSocket broadcasts and sessions between its instances through Redis: a broadcast to an
        /// endpoint, a group or all but the sender reaches the matching connections of every instance
        /// (<see cref="IWebSocketHub.Count"/> still counts this instance's), and <see cref="HugSession"/>s are kept in Redis
        /// (<c>IDistributedCache</c>), so one set through an instance is read through any other.
        /// <paramref name="configuration"/> is a StackExchange.Redis configuration string (<c>"localhost:6379"</c>,
        /// <c>"redis1:6379,redis2:6379,password=…"</c>). Without one, the <c>Redis</c> connection string is read when the API
        /// is served (<c>ConnectionStrings:Redis</c>, or the environment variable <c>ConnectionStrings__Redis</c>); when it is
        /// not set either, the instance runs alone (and logs so). Adds a <c>redis</c> health check, Degraded while Redis is
        /// away (map it with <c>app.MapHealthChecks</c>).
        /// </summary>
        /// <param name="configuration">Where Redis is; null: from configuration, if set.</param>
        /// <param name="channelPrefix">The prefix of the channel and the session keys: APIs sharing one Redis need different ones.</param>
        public HugApi UseRedis(string? configuration = null, string channelPrefix = "hug")
        {
            if (configuration is not null && string.IsNullOrWhiteSpace(configuration))
                throw new HugConfigurationException("UseRedis: the configuration is blank; pass Redis's address (\"localhost:6379\"), or null to read ConnectionStrings:Redis.");
            RedisBackplane? backplane = null;
            api.ConfigureWebBuilder(builder =>
            {
                var configured = configuration ?? builder.Configuration.GetConnectionString("Redis");
                if (string.IsNullOrWhiteSpace(configured)) return;
                backplane = new RedisBackplane(configured, channelPrefix);
                api.UseWebSocketBackplane(backplane);
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
                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hug.Redis");
                if (backplane is null)
                {
                    logger.LogInformation("No Redis configured (ConnectionStrings:Redis): broadcasts and sessions stay on this instance.");
                    return;
                }
                backplane.Logger = logger;
                app.Lifetime.ApplicationStopped.Register(backplane.Dispose);
            });
            return api;
        }
    }
}
