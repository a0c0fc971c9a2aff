using System.Text.Json;
using System.Text.Json.Nodes;
using Hug.Http;
using Hug.Introspection;
using Hug.Invocation;

namespace Hug.Documentation;

/// <summary>
/// hug's documentation object, built from the endpoint descriptors once per API version:
/// <c>{"overview", "version", "versions", "handlers": {url: {METHOD: {"usage", "examples", "inputs", "outputs"}}}}</c>.
/// </summary>
internal static class HugDocumentation
{
    public static JsonObject Build(HugApi api, HttpRouteTable table, int? version)
    {
        var handlers = new JsonObject();
        foreach (var resource in table.Resources)
        {
            var methods = new JsonObject();
            foreach (var (method, candidates) in resource.Methods)
            {
                var endpoint = candidates.Resolve(version);
                if (endpoint is null || endpoint.Route.Private) continue;
                methods[method] = Describe(api, endpoint, resource.Template, version is null ? null : $"/v{version}");
            }
            if (methods.Count > 0) handlers[resource.Template] = methods;
        }
        var result = new JsonObject
        {
            ["overview"] = api.Overview,
            ["version"] = version,
            ["versions"] = new JsonArray([.. table.Versions.Select(v => (JsonNode)v)]),
            ["handlers"] = handlers,
        };
        if (api.WebSocketEndpoints.Length > 0)
            result["websockets"] = new JsonObject([.. api.WebSocketEndpoints.Select(w => new KeyValuePair<string, JsonNode?>(w.Route.Path,
                new JsonObject { ["usage"] = Introspection.EndpointDocs.Of(w.Endpoint) ?? w.Endpoint.Name }))]);
        if (api.Http().StaticFolders.Count > 0)
            result["static"] = new JsonArray([.. api.Http().StaticFolders.Select(f => (JsonNode)(f.UrlPrefix + "/"))]);
        return result;
    }

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Formats.HugJson.Documents.GetTypeInfo(typeof(JsonNode)));

    private static JsonObject Describe(HugApi api, HttpEndpoint endpoint, string template, string? prefix)
    {
        var json = api.Options.ReadOnlyJson;
        var descriptor = endpoint.Descriptor;
        var entry = new JsonObject();
        if (descriptor.Summary is { } usage) entry["usage"] = usage;
        if (endpoint.Requirements.Count > 0) entry["requires"] = new JsonArray([.. endpoint.Requirements.Select(r => (JsonNode)r.Description)]);
        var examples = new JsonArray();
        foreach (var example in endpoint.Route.Examples)
            examples.Add((JsonNode)(prefix + (example.StartsWith('/') ? example : $"{template}?{example}")));
        if (!descriptor.Parameters.Any(p => api.TakesAsInput(p) && p.IsRequired) && !template.Contains('{'))
            examples.Add((JsonNode)(prefix + template)); // a node, not Add<string>: that one serialises by reflection
        if (examples.Count > 0) entry["examples"] = examples;
        var inputs = new JsonObject();
        foreach (var parameter in descriptor.Parameters.Where(api.TakesAsInput))
        {
            var input = new JsonObject { ["type"] = Binding.Rules.Describe(parameter.Converter!.Description, parameter.Validators) };
            if (parameter.Doc is { } doc) input["description"] = doc;
            if (parameter.Source == ParameterSource.Json && Fields(parameter.Type, api.Options) is { } fields) input["fields"] = fields;
            if (parameter.HasDefault) input["default"] = JsonSerializer.SerializeToNode(parameter.DefaultValue, json.GetTypeInfo(parameter.Type));
            else if (!parameter.IsRequired) input["optional"] = true;
            inputs[parameter.Name] = input;
        }
        foreach (var upload in descriptor.Parameters.Where(p => p.IsHttpUpload))
            inputs[upload.Name] = new JsonObject
            {
                ["type"] = upload.Context == Introspection.ContextValue.Body ? "The request body, as sent" : "A file uploaded as multipart/form-data",
            };
        if (inputs.Count > 0) entry["inputs"] = inputs;
        var outputs = !descriptor.HasResult ? new JsonObject { ["format"] = "No content" }
            : Formats.FileResults.IsFileResult(descriptor.ResultType)
                ? new JsonObject { ["format"] = "File", ["content_type"] = endpoint.Route.ContentType ?? (descriptor.ResultType == typeof(FileInfo) ? "by file extension" : "application/octet-stream") }
                : new JsonObject { ["format"] = endpoint.Formats[0].Description, ["content_type"] = endpoint.Formats[0].ContentType };
        if (descriptor.HasResult && endpoint.Formats.Count > 1 && !Formats.FileResults.IsFileResult(descriptor.ResultType))
            outputs["formats"] = new JsonArray([.. endpoint.Formats.Select(f => (JsonNode)f.ContentType)]);
        if (descriptor.ReturnsDoc is { } returns) outputs["type"] = returns;
        else if (descriptor.HasResult && TypeDescription(descriptor, api.Options) is { } type) outputs["type"] = type;
        if (endpoint.Route.Status is { } status) outputs["status"] = status;
        entry["outputs"] = outputs;
        return entry;
    }

    /// <summary>
    /// A JSON object's fields (its JSON names → type and rules, in the docs' wording), from the API's JSON metadata; null for
    /// anything that is not an object with properties. One level: a nested object is named, not opened.
    /// </summary>
    private static JsonObject? Fields(Type type, HugOptions options)
    {
        System.Text.Json.Serialization.Metadata.JsonTypeInfo info;
        try
        {
            info = options.ReadOnlyJson.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            return null; // no metadata for it (Native AOT without the type in a context): named only
        }
        if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || info.Properties.Count == 0) return null;
        var fields = new JsonObject();
        foreach (var property in info.Properties)
        {
            var described = Binding.ConverterFactory.TryCreate(property.PropertyType, null, options)?.Description ?? "A JSON value";
            var rules = (property.AssociatedParameter?.AttributeProvider ?? property.AttributeProvider)?
                .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.ValidationAttribute), true)
                .OfType<System.ComponentModel.DataAnnotations.ValidationAttribute>().ToArray();
            fields[property.Name] = Binding.Rules.Describe(described, rules);
        }
        return fields;
    }

    private static string? TypeDescription(EndpointDescriptor descriptor, HugOptions options)
    {
        var type = descriptor.ResultType;
        return type == typeof(object) || typeof(Microsoft.AspNetCore.Http.IResult).IsAssignableFrom(type) || type == typeof(NoResult) || Formats.FileResults.IsFileResult(type)
            ? null
            : Binding.ConverterFactory.TryCreate(type, null, options, descriptor.Facts.ResultShape)?.Description;
    }
}
