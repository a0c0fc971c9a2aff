using Hug;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// The chat's own additions to the web host serve builds: Redis when ConnectionStrings__Redis is set (several instances
// behind a proxy share the room and the sessions; see the README's "Running several instances"), and a health check for
// the proxy or orchestrator in front of it (it includes Redis's state when Redis is used).
return HugApi.Run(args, api => api
    .UseRedis()
    .ConfigureWebBuilder(builder => builder.Services.AddHealthChecks())
    .ConfigureWebApp(app => app.MapHealthChecks("/health")));
