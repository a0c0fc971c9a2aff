using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Hug.OpenApi;

/// <summary>
/// <c>serve</c>'s OpenAPI 3.1 documents, made by Microsoft.AspNetCore.OpenApi from Hug's ApiExplorer descriptions
/// (Hug.Http's <c>HugApiDescriptionProvider</c>): <c>/openapi/v1.json</c>, or one document per API version
/// (<c>/openapi/v2.json</c> holds the <c>/v2/…</c> paths). Schemas come from the API's own JSON settings and
/// metadata, so they describe what Hug writes and reads (under Native AOT too).
/// </summary>
internal static class HugOpenApi
{
    public static void AddServices(WebApplicationBuilder builder, HugApi api)
    {
        if (!api.Options.OpenApiDocuments) return;
        builder.Services.ConfigureHttpJsonOptions(options => Mirror(api.Options.ReadOnlyJson, options.SerializerOptions));
        foreach (var name in DocumentNames(api))
            builder.Services.AddOpenApi(name, options => options.AddHug().AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = api.Overview, Version = name };
                return Task.CompletedTask;
            }));
    }

    public static void MapEndpoints(WebApplication app, HugApi api)
    {
        if (api.Options.OpenApiDocuments) app.MapOpenApi();
    }

    /// <summary><c>v1</c> for an API without versions; else <c>vN</c> for each version its routes declare.</summary>
    public static IEnumerable<string> DocumentNames(HugApi api)
    {
        var versions = api.Endpoints.SelectMany(e => e.Http).SelectMany(r => r.Versions).Distinct().Order().ToList();
        return versions.Count == 0 ? ["v1"] : versions.Select(v => $"v{v}");
    }

    /// <summary>
    /// The schemas' JSON settings are Hug's (names, converters, generated metadata), with numbers strict: Hug writes them
    /// as numbers, and a schema allowing strings too would make every generated client's number a union.
    /// </summary>
    private static void Mirror(JsonSerializerOptions hug, JsonSerializerOptions schemas)
    {
        schemas.PropertyNamingPolicy = hug.PropertyNamingPolicy;
        schemas.DictionaryKeyPolicy = hug.DictionaryKeyPolicy;
        schemas.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        schemas.DefaultIgnoreCondition = hug.DefaultIgnoreCondition;
        foreach (var converter in hug.Converters) schemas.Converters.Add(converter);
        if (hug.TypeInfoResolver is { } resolver) schemas.TypeInfoResolverChain.Insert(0, resolver);
        schemas.TypeInfoResolverChain.Add(ProblemJson.Default); // the error answers' schemas, which no reflection supplies under Native AOT
    }
}

/// <summary>The problem bodies Hug answers with, as the documents describe them (generated metadata: Native AOT has no other).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class ProblemJson : System.Text.Json.Serialization.JsonSerializerContext;
