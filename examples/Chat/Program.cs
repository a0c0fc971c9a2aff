using Hug;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// The chat's own additions to the web host serve builds: a health check for the proxy or orchestrator in front of it.
return HugApi.Run(args, api => api
    .ConfigureWebBuilder(builder => builder.Services.AddHealthChecks())
    .ConfigureWebApp(app => app.MapHealthChecks("/health")));
