using System.Reflection;
using Hug.Formats;
using Hug.Http;
using Hug.Introspection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Hug.OpenApi;

/// <summary>
/// Hug's HTTP endpoints as ApiExplorer descriptions, so every tool built on it (Microsoft.AspNetCore.OpenApi's
/// <c>AddOpenApi()</c>, Swashbuckle, NSwag) documents them as it documents a Minimal API: one operation per URL and
/// method (HEAD left out), its summary and description from the XML docs, parameters where Hug reads them (route values
/// in the path; the query string for GET, HEAD and DELETE; otherwise the body: the record that is the only input as the
/// whole JSON body, else an object of fields), the success answer in each format offered, the 400 problem when there is
/// input, 401/403 problems when requirements apply. An API with versions is documented per version (group <c>vN</c>:
/// the <c>/vN/…</c> paths); one without has no group (every document holds it).
/// </summary>
internal sealed class HugApiDescriptionProvider(EndpointDataSource endpoints) : IApiDescriptionProvider
{
    // Before Minimal APIs' provider (-1100), as it does not matter which runs first: they describe different endpoints.
    public int Order => -1200;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        var operationIds = new HashSet<(string?, string)>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint is not RouteEndpoint route || route.Metadata.GetMetadata<HugRouteMetadata>() is not { } hug) continue;
            if (hug.ApiHasVersions && hug.Version is null) continue; // the same operations are documented under /vN
            var group = hug.Version is { } v ? $"v{v}" : null;
            foreach (var (method, handlers) in hug.Resource.Methods)
            {
                if (method == HttpMethods.Head || handlers.Resolve(hug.Version) is not { } handler || handler.Route.Private) continue;
                var id = handler.Descriptor.Name;
                for (var n = 2; !operationIds.Add((group, id)); n++) id = $"{handler.Descriptor.Name}{n}";
                context.Results.Add(Describe(hug.Api, route, method, handler, group, id));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static ApiDescription Describe(HugApi api, RouteEndpoint route, string method, HttpEndpoint handler, string? group, string operationId)
    {
        var endpoint = handler.Descriptor;
        var metadata = new List<object> { new EndpointNameMetadata(operationId), new HugOperationMetadata(endpoint, handler.Requirements, handler.Route.Examples) };
        metadata.Add(new EndpointSummaryAttribute(endpoint.Summary ?? endpoint.DisplayName)); // an undocumented method is named
        if (endpoint.ReturnsDoc is { } returns) metadata.Add(new EndpointDescriptionAttribute("Returns " + char.ToLowerInvariant(returns[0]) + returns[1..]));
        var description = new ApiDescription
        {
            HttpMethod = method,
            RelativePath = route.RoutePattern.RawText?.TrimStart('/'),
            GroupName = group,
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = $"{method} {route.RoutePattern.RawText} ({endpoint.DisplayName})",
                RouteValues = { ["controller"] = endpoint.Facts.DeclaringType is { } type && !type.Name.StartsWith('<') ? type.Name : "Hug" },
                EndpointMetadata = metadata,
            },
        };
        AddParameters(description, api, route, method, handler);
        AddResponses(description, handler);
        return description;
    }

    private static void AddParameters(ApiDescription description, HugApi api, RouteEndpoint route, string method, HttpEndpoint handler)
    {
        var endpoint = handler.Descriptor;
        var inQuery = method is "GET" or "HEAD" or "DELETE";
        var reading = HttpEndpoint.BodyReadingOf(endpoint, api);
        var parameters = endpoint.Facts.Method.GetParameters();
        var uploads = false;
        foreach (var parameter in endpoint.Parameters)
        {
            var isUpload = parameter.IsHttpUpload && parameter.Context is not ContextValue.Body;
            if (!isUpload && !api.TakesAsInput(parameter)) continue;
            uploads |= isUpload;
            var source = route.RoutePattern.GetParameter(parameter.Name) is not null ? BindingSource.Path
                : isUpload ? BindingSource.FormFile
                : inQuery ? BindingSource.Query
                : reading == BodyReading.Whole ? BindingSource.Body
                : BindingSource.Form;
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = parameter.Name,
                Type = parameter.Type,
                Source = source,
                IsRequired = parameter.IsRequired,
                DefaultValue = parameter.HasDefault ? parameter.DefaultValue : null,
                ModelMetadata = new HugModelMetadata(parameter.Type),
                ParameterDescriptor = new HugParameterDescriptor(parameters[parameter.Position]),
            });
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form))
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = "application/json" });
        if (uploads) description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = "multipart/form-data" });
        else if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Form))
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = "application/x-www-form-urlencoded" });
    }

    private static void AddResponses(ApiDescription description, HttpEndpoint handler)
    {
        var endpoint = handler.Descriptor;
        var success = new ApiResponseType { StatusCode = handler.Route.Status ?? (endpoint.HasResult ? 200 : 204) };
        if (endpoint.HasResult && Describable(endpoint.ResultType))
        {
            success.Type = endpoint.ResultType;
            success.ModelMetadata = new HugModelMetadata(endpoint.ResultType);
            foreach (var format in handler.Formats) success.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = format.MediaType });
        }
        else if (endpoint.HasResult && FileResults.IsFileResult(endpoint.ResultType))
            success.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = handler.Route.ContentType ?? "application/octet-stream" });
        description.SupportedResponseTypes.Add(success);
        if (description.ParameterDescriptions.Count > 0)
            description.SupportedResponseTypes.Add(Problem(400, typeof(HttpValidationProblemDetails), "The input is invalid: errors names each parameter and its problem"));
        if (handler.Requirements.Any(r => r is CredentialAuthentication))
            description.SupportedResponseTypes.Add(Problem(401, typeof(ProblemDetails), "Credentials are missing or invalid"));
        if (handler.Requirements.Any(r => r is not CredentialAuthentication))
            description.SupportedResponseTypes.Add(Problem(403, typeof(ProblemDetails), "A requirement refused the call"));
    }

    /// <summary>A result the JSON schema can say something about (not a file, a stream of bytes or an ASP.NET Core result).</summary>
    private static bool Describable(Type type) =>
        !typeof(IResult).IsAssignableFrom(type) && !typeof(FileSystemInfo).IsAssignableFrom(type) && !typeof(Stream).IsAssignableFrom(type)
        && type != typeof(byte[]) && type != typeof(object);

    private static ApiResponseType Problem(int status, Type type, string text)
    {
        var response = new ApiResponseType { StatusCode = status, Type = type, ModelMetadata = new HugModelMetadata(type), Description = text };
        response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = "application/problem+json" });
        return response;
    }

    /// <summary>The method's parameter, for the DataAnnotations and <c>[Description]</c> the OpenAPI schema reads from it.</summary>
    private sealed class HugParameterDescriptor : Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor, IParameterInfoParameterDescriptor
    {
        public HugParameterDescriptor(ParameterInfo parameter)
        {
            ParameterInfo = parameter;
            Name = parameter.Name ?? "";
            ParameterType = parameter.ParameterType;
        }

        public ParameterInfo ParameterInfo { get; }
    }
}
