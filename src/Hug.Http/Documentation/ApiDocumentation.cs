using System.Text.Json.Nodes;
using Hug.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hug.Documentation;

/// <summary>
/// The API's HTTP documentation outside the HTTP adapter (the <c>[Documentation]</c> directive, on
/// any interface): the route table is built once, from the descriptors alone, without invokers.
/// </summary>
internal sealed class ApiDocumentation(HugApi api)
{
    private HttpRouteTable? table;

    /// <summary>The API's documentation, made once per API.</summary>
    public static ApiDocumentation Of(HugApi api) => api.Http().Documentation ??= new ApiDocumentation(api);

    /// <summary>Makes this the source of the API's <c>[Documentation]</c> directive, unless it has one (MapHug, the command line).</summary>
    public static void Provide(HugApi api) => api.DocumentationSource ??= version => Of(api).For(version);

    public JsonObject For(int? version)
    {
        table ??= HttpRouteTable.Build(api.Endpoints.SelectMany(descriptor => descriptor.Http.Select(route =>
            HttpEndpoint.Create(descriptor, route, new HttpEndpointPlan(api.FormatsFor(descriptor, route), Invoker: null, api, NullLogger.Instance, Development: false)))));
        return HugDocumentation.Build(api, table, version ?? table.LatestVersion);
    }
}
