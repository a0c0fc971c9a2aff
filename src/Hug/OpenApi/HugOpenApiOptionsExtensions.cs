using Hug.Introspection;
using Hug.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hug;

/// <summary>
/// What Hug adds to Microsoft.AspNetCore.OpenApi's documents beyond ApiExplorer (which already holds Hug's operations):
/// <c>builder.Services.AddOpenApi(options => options.AddHug())</c>. <c>serve</c> does it for its own documents.
/// </summary>
public static class HugOpenApiOptionsExtensions
{
    /// <summary>
    /// Parameter descriptions from the XML docs, tags described by their class's summary, security schemes from the
    /// requirements (Basic, API key, bearer; an operation without one says <c>security: []</c>), and server URLs
    /// without a trailing slash.
    /// </summary>
    public static OpenApiOptions AddHug(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<HugOperationMetadata>().FirstOrDefault() is { } hug)
                Describe(operation, context.Document!, hug);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            return Task.CompletedTask;
        });
        return options;
    }

    private static void Describe(OpenApiOperation operation, OpenApiDocument document, HugOperationMetadata hug)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            parameter.Description ??= hug.Endpoint.Docs.Parameter(parameter.Name ?? "");
        if (hug.Endpoint.TypeSummary is { } summary)
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name == hug.Endpoint.Facts.DeclaringType?.Name) tag.Description ??= summary;
        var requirement = new OpenApiSecurityRequirement();
        foreach (var check in hug.Requirements)
            if (Scheme(check) is var (id, scheme))
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes.TryAdd(id, scheme);
                requirement[new OpenApiSecuritySchemeReference(id, document)] = [];
            }
        // Every requirement must pass: one security requirement naming each scheme; none: an explicitly open operation.
        operation.Security = requirement.Count > 0 ? [requirement] : [];
    }

    private static (string Id, OpenApiSecurityScheme Scheme)? Scheme(Requirement requirement) => requirement switch
    {
        BasicAuthentication => ("basic", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic", Description = requirement.Description }),
        BearerAuthentication => ("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = requirement.Description }),
        ApiKeyAuthentication key => ("apiKey", new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = key.Header, Description = requirement.Description }),
        _ => null,
    };
}
