using Hug.Redis.Backplane;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hug.Redis.Health;

/// <summary>Redis's state for <c>app.MapHealthChecks</c>: Degraded while it is away (the instance serves, its broadcasts stay local).</summary>
internal sealed class RedisHealthCheck(RedisBackplane backplane) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(backplane.IsConnected
            ? HealthCheckResult.Healthy("Redis connected: broadcasts reach every instance")
            : HealthCheckResult.Degraded("Redis unreachable: broadcasts reach this instance only"));
}
