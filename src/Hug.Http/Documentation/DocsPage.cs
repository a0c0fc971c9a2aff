using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hug.Binding;
using Hug.Introspection;

namespace Hug.Documentation;

/// <summary>
/// The documentation as a page for people (<c>GET /</c> and the 404 with <c>Accept: text/html</c>): every interface
/// from the same descriptors as hug's JSON (HTTP routes with a working example link, commands with their usage line,
/// WebSocket endpoints and calls, requirements, versions). Self-contained: inline styles, no script, nothing fetched,
/// so it works offline; readable from phone to laptop width. Every text from the API is HTML-encoded.
/// </summary>
internal static class DocsPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// The page's policy: nothing may load or run but its own style sheet (by its hash), and no other site may frame it
    /// (clickjacking). The page needs no more: no script, no image, no form.
    /// </summary>
    private static readonly string Policy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Writes a rendered page with <paramref name="status"/>, under its policy unless the API turned security headers off.</summary>
    public static Task WriteAsync(Microsoft.AspNetCore.Http.HttpContext http, HugApi api, int status, byte[] page)
    {
        if (api.Options.SecurityHeaders) http.Response.Headers.ContentSecurityPolicy = Policy;
        return global::Hug.Http.JsonResponse.WriteBodyAsync(http, status, ContentType, page).AsTask();
    }

    /// <summary>Whether the client asks for HTML by name (a browser); <c>*/*</c> alone (curl, hug clients) keeps hug's JSON.</summary>
    public static bool Wanted(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept)
            if (accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static byte[] Render(HugApi api, JsonObject documentation, string? notFound = null)
    {
        var html = new StringBuilder(8192);
        var overview = documentation["overview"]?.GetValue<string>() ?? "Hug API";
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(overview)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");
        if (notFound is not null) html.Append("<p class=\"missing\">").Append(E(notFound)).Append("</p>");
        html.Append("<h1>").Append(E(overview)).Append("</h1>");
        Versions(html, documentation);
        Http(html, documentation);
        StaticFolders(html, documentation);
        Commands(html, api);
        Sockets(html, api, documentation);
        html.Append("<footer>Also as JSON (<code>Accept: application/json</code>)")
            .Append(api.Options.OpenApiDocuments ? " and as OpenAPI at <a href=\"/openapi/v1.json\">/openapi/v1.json</a>" : "")
            .Append(".</footer></main></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Versions(StringBuilder html, JsonObject documentation)
    {
        if (documentation["versions"] is not JsonArray { Count: > 0 } versions) return;
        html.Append("<p class=\"versions\">Versions: ");
        foreach (var version in versions) html.Append("<a href=\"/v").Append(version).Append("/\">v").Append(version).Append("</a> ");
        html.Append("(this page: v").Append(documentation["version"]).Append(")</p>");
    }

    private static void Http(StringBuilder html, JsonObject documentation)
    {
        if (documentation["handlers"] is not JsonObject { Count: > 0 } handlers) return;
        html.Append("<h2 id=\"http\">HTTP</h2>");
        foreach (var (url, methods) in handlers)
            foreach (var (method, value) in (JsonObject)methods!)
            {
                var entry = (JsonObject)value!;
                html.Append("<section class=\"endpoint\"><h3><span class=\"verb\">").Append(E(method)).Append("</span> <code>").Append(E(url)).Append("</code></h3>");
                if (entry["usage"] is { } usage) html.Append("<p>").Append(E(usage.GetValue<string>())).Append("</p>");
                if (entry["requires"] is JsonArray requires)
                    html.Append("<p class=\"requires\">Requires: ").Append(E(string.Join(", ", requires.Select(r => r!.GetValue<string>())))).Append("</p>");
                if (entry["inputs"] is JsonObject inputs) Inputs(html, inputs);
                if (entry["outputs"] is JsonObject outputs)
                {
                    html.Append("<p class=\"outputs\">Returns: ").Append(E(outputs["type"]?.GetValue<string>() ?? outputs["format"]?.GetValue<string>() ?? ""));
                    if (outputs["content_type"] is { } type) html.Append(" as <code>").Append(E(type.GetValue<string>())).Append("</code>");
                    html.Append("</p>");
                }
                if (entry["examples"] is JsonArray examples)
                    foreach (var example in examples.Select(e => e!.GetValue<string>()))
                        html.Append("<p class=\"example\">Example: <a href=\"").Append(E(example)).Append("\">").Append(E(example)).Append("</a></p>");
                html.Append("</section>");
            }
    }

    private static void StaticFolders(StringBuilder html, JsonObject documentation)
    {
        if (documentation["static"] is not JsonArray { Count: > 0 } folders) return;
        html.Append("<h2 id=\"static\">Static files</h2><ul>");
        foreach (var prefix in folders.Select(f => f!.GetValue<string>()))
            html.Append("<li><code>").Append(E(prefix)).Append("</code>…</li>");
        html.Append("</ul>");
    }

    private static void Inputs(StringBuilder html, JsonObject inputs)
    {
        html.Append("<table><thead><tr><th>Input</th><th>Type</th><th>Notes</th></tr></thead><tbody>");
        foreach (var (name, value) in inputs)
        {
            var input = (JsonObject)value!;
            html.Append("<tr><td><code>").Append(E(name)).Append("</code></td><td>").Append(E(input["type"]?.GetValue<string>() ?? "")).Append("</td><td>");
            if (input["description"] is { } description) html.Append(E(description.GetValue<string>())).Append(' ');
            if (input["fields"] is JsonObject fields)
            {
                html.Append("fields: <ul>");
                foreach (var (field, type) in fields)
                    html.Append("<li><code>").Append(E(field)).Append("</code> ").Append(E(type?.GetValue<string>() ?? "")).Append("</li>");
                html.Append("</ul>");
            }
            if (input["default"] is { } fallback) html.Append("default <code>").Append(E(fallback.ToJsonString())).Append("</code>");
            else if (input["optional"] is not null) html.Append("optional");
            else html.Append("required");
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>Each command with its usage line, as the command line parses it (required values positional, the rest options).</summary>
    private static void Commands(StringBuilder html, HugApi api)
    {
        var commands = api.Endpoints.Where(e => e.Cli.Length > 0).ToList();
        if (commands.Count == 0) return;
        html.Append("<h2 id=\"cli\">Command line</h2>");
        foreach (var endpoint in commands)
            foreach (var command in endpoint.Cli)
            {
                html.Append("<section class=\"endpoint\"><h3><code>")
                    .Append(E(string.Join(' ', [.. command.Groups, command.Name ?? Naming.Kebab(endpoint.Name), .. Usage(api, endpoint)])))
                    .Append("</code></h3>");
                if (endpoint.Summary is { } summary) html.Append("<p>").Append(E(summary)).Append("</p>");
                html.Append("</section>");
            }
    }

    private static IEnumerable<string> Usage(HugApi api, EndpointDescriptor endpoint)
    {
        var inputs = endpoint.Parameters.Where(api.TakesAsInput).ToList();
        var lastRequired = inputs.LastOrDefault(p => p.IsRequired);
        foreach (var parameter in inputs)
        {
            var isList = parameter.Converter is ICollectionConverter;
            if (parameter.IsRequired && (!isList || parameter == lastRequired)) yield return isList ? $"<{parameter.Name}>..." : $"<{parameter.Name}>";
        }
        foreach (var parameter in inputs)
        {
            var isList = parameter.Converter is ICollectionConverter;
            if (parameter.IsRequired && (!isList || parameter == lastRequired)) continue;
            var option = "--" + Naming.Kebab(parameter.Name).Replace('_', '-');
            var flag = parameter.Type == typeof(bool) && parameter.HasDefault && parameter.DefaultValue is false;
            yield return flag ? $"[{option}]" : parameter.IsRequired ? $"{option} <{parameter.Name}>" : $"[{option} <{parameter.Name}>]";
        }
    }

    private static void Sockets(StringBuilder html, HugApi api, JsonObject documentation)
    {
        var calls = api.Endpoints.Where(e => e.SocketCall || (api.Options.AllMethodsOverWebSocket && (e.Http.Length > 0 || e.Cli.Length > 0))).ToList();
        if (documentation["websockets"] is not JsonObject sockets && calls.Count == 0) return;
        html.Append("<h2 id=\"websockets\">WebSockets</h2>");
        if (documentation["websockets"] is JsonObject endpoints)
            foreach (var (path, value) in endpoints)
                html.Append("<section class=\"endpoint\"><h3><code>").Append(E(path)).Append("</code></h3><p>")
                    .Append(E(value?["usage"]?.GetValue<string>() ?? "")).Append("</p></section>");
        if (calls.Count == 0) return;
        html.Append("<section class=\"endpoint\"><h3><code>").Append(E(api.Options.WebSocketCallPath)).Append("</code></h3>")
            .Append("<p>Calls as messages: <code>{\"id\": 1, \"call\": \"name\", \"args\": {…}}</code>. Callable:</p><ul>");
        foreach (var call in calls)
            html.Append("<li><code>").Append(E(Naming.Kebab(call.Name))).Append("</code>").Append(call.Summary is { } summary ? " — " + E(summary) : "").Append("</li>");
        html.Append("</ul></section>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1d1f;background:#fafafa}"
        + "main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}"
        + "h3{font-size:1.05rem;margin:.2rem 0;word-break:break-all}.endpoint{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}"
        + ".verb{display:inline-block;min-width:3.5rem;font-size:.8rem;font-weight:700;color:#fff;background:#2b6cb0;border-radius:4px;padding:.05rem .4rem;text-align:center}"
        + "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}table{border-collapse:collapse;width:100%;font-size:.95rem}"
        + "th,td{text-align:left;border-top:1px solid #eee;padding:.25rem .4rem;vertical-align:top}.requires{color:#9b2c2c}.missing{background:#fff3cd;padding:.5rem;border-radius:4px}"
        + "footer{margin:2rem 0;color:#555;font-size:.9rem}a{color:#2b6cb0}@media(max-width:600px){table,thead,tbody,tr,th,td{display:block}thead{display:none}}";
}
