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
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // A positional record's rules sit on its constructor's parameters, where the schema generator does not look.
            if (schema is OpenApiSchema target && context.JsonPropertyInfo?.AssociatedParameter?.AttributeProvider is { } parameter)
                foreach (var rule in parameter.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.ValidationAttribute), true))
                    Apply(target, (System.ComponentModel.DataAnnotations.ValidationAttribute)rule);
            // An error answer's message is its detail: generated clients (Kiota) make it their exception's message.
            if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type)
                && schema.Properties?.TryGetValue("detail", out var detail) == true && detail is OpenApiSchema detailSchema)
            {
                detailSchema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                detailSchema.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(true));
            }
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
        var example = Example(hug.Examples);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Description ??= hug.Endpoint.Docs.Parameter(parameter.Name ?? "");
            if (parameter.Name is { } name && example.TryGetValue(name, out var value)) parameter.Example = value;
            // A value Hug reads as text (an IParsable such as 21.5C) is text on the wire, whatever its properties are.
            if (hug.Endpoint.Parameters.FirstOrDefault(p => p.Name == parameter.Name) is { Source: ParameterSource.Value, Converter: { } converter }
                && IsObject(parameter.Schema, document))
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = converter.Description };
            // [AllowedValues] on a parameter: the one rule the schema generator leaves out.
            if (parameter.Schema is OpenApiSchema schema && hug.Endpoint.Parameters.FirstOrDefault(p => p.Name == parameter.Name)?.Validators is { } rules)
                foreach (var allowed in rules.OfType<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>()) Apply(schema, allowed);
        }
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

    private static bool IsObject(IOpenApiSchema? schema, OpenApiDocument document) =>
        (schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components?.Schemas?.TryGetValue(id, out var target) == true ? target : schema)
            ?.Type is { } type && type.HasFlag(JsonSchemaType.Object);

    /// <summary>The route's first example (<c>number_1=1&amp;number_2=2</c>, or a URL with that query) as a value per parameter.</summary>
    private static Dictionary<string, System.Text.Json.Nodes.JsonNode> Example(IReadOnlyList<string> examples)
    {
        var values = new Dictionary<string, System.Text.Json.Nodes.JsonNode>(StringComparer.OrdinalIgnoreCase);
        if (examples.Count == 0) return values;
        var query = examples[0].Contains('?') ? examples[0][(examples[0].IndexOf('?') + 1)..] : examples[0].StartsWith('/') ? "" : examples[0];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, text) = pair.IndexOf('=') is var at and >= 0 ? (pair[..at], Uri.UnescapeDataString(pair[(at + 1)..])) : (pair, "");
            values.TryAdd(Uri.UnescapeDataString(name), long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var whole)
                ? System.Text.Json.Nodes.JsonValue.Create(whole)
                : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
                    ? System.Text.Json.Nodes.JsonValue.Create(real)
                    : System.Text.Json.Nodes.JsonValue.Create(text));
        }
        return values;
    }

    /// <summary>A DataAnnotations rule as JSON Schema keywords (what the schema generator does for a property's own attributes).</summary>
    private static void Apply(OpenApiSchema schema, System.ComponentModel.DataAnnotations.ValidationAttribute rule)
    {
        switch (rule)
        {
            case System.ComponentModel.DataAnnotations.RangeAttribute range:
                var min = Convert.ToString(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
                var max = Convert.ToString(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
                if (range.MinimumIsExclusive) schema.ExclusiveMinimum = min; else schema.Minimum = min;
                if (range.MaximumIsExclusive) schema.ExclusiveMaximum = max; else schema.Maximum = max;
                break;
            case System.ComponentModel.DataAnnotations.StringLengthAttribute length:
                schema.MaxLength = length.MaximumLength;
                if (length.MinimumLength > 0) schema.MinLength = length.MinimumLength;
                break;
            case System.ComponentModel.DataAnnotations.MaxLengthAttribute length:
                schema.MaxLength = length.Length;
                break;
            case System.ComponentModel.DataAnnotations.MinLengthAttribute length:
                schema.MinLength = length.Length;
                break;
            case System.ComponentModel.DataAnnotations.RegularExpressionAttribute expression:
                schema.Pattern = expression.Pattern;
                break;
            case System.ComponentModel.DataAnnotations.AllowedValuesAttribute allowed:
                schema.Enum = [.. allowed.Values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v?.ToString() ?? "null"))];
                break;
        }
    }

    private static (string Id, OpenApiSecurityScheme Scheme)? Scheme(Requirement requirement) => requirement switch
    {
        BasicAuthentication => ("basic", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic", Description = requirement.Description }),
        BearerAuthentication => ("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = requirement.Description }),
        ApiKeyAuthentication key => ("apiKey", new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = key.Header, Description = requirement.Description }),
        _ => null,
    };
}
