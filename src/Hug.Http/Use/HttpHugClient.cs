using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Hug.Binding;
using Hug.Http;
using Hug.Introspection;

namespace Hug.Use;

/// <summary>
/// Calls over HTTP as a browser or curl would: the endpoint's route and method from the API's description, route
/// values in the path, the other arguments in the query string (GET, HEAD, DELETE) or a JSON body (the record that is
/// the only input as the whole body, as the server reads it); credentials as headers, a version as <c>X-Api-Version</c>.
/// The <see cref="HttpClient"/> is the caller's (from <c>IHttpClientFactory</c>, with its own resilience handlers) or one
/// this client owns.
/// </summary>
internal sealed class HttpHugClient(HttpClient http, bool ownsHttp, HugApi? api, HugCredentials? credentials = null, int? version = null)
    : RemoteHugClient(api, credentials, version)
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue Ndjson = new("application/x-ndjson");

    protected override IHugClient With(HugCredentials? credentials, int? version) => new HttpHugClient(http, false, Api, credentials, version);

    public override ValueTask DisposeAsync()
    {
        if (ownsHttp) http.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override async Task<HugResponse> SendAsync(RemoteCall call, CancellationToken cancellationToken)
    {
        using var request = Request(call, Json);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    protected override async IAsyncEnumerable<JsonElement> SendStreamAsync(RemoteCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Request(call, Ndjson);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || !IsNdjson(response))
        {
            var answer = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess) throw Failure(call.Endpoint?.DisplayName ?? call.Name, answer, Challenge(response));
            throw new InvalidOperationException($"{call.Name} does not stream: it answered {response.Content.Headers.ContentType}.");
        }
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            if (line.Length > 0) yield return JsonElement.Parse(line);
    }

    /// <summary>The request for <paramref name="call"/>: the route serving the client's version, its method (GET when it has it), the arguments placed as the server reads them.</summary>
    private HttpRequestMessage Request(RemoteCall call, MediaTypeWithQualityHeaderValue accept)
    {
        var endpoint = call.Endpoint ?? throw new InvalidOperationException(
            $"An HTTP client calls '{call.Name}' by name only with the API's description: HugClient.Http(address, api).");
        var route = RouteFor(endpoint, call.Version) ?? throw new InvalidOperationException($"{endpoint.DisplayName} is not exposed over HTTP.");
        var method = route.Methods.Contains("GET") ? "GET" : route.Methods[0];
        var arguments = new Dictionary<string, RawValue>(call.Arguments, StringComparer.OrdinalIgnoreCase);
        var path = RouteTemplate.Fill(route.UrlsFor(endpoint.Name)[0], arguments);
        var request = new HttpRequestMessage(new HttpMethod(method), Address(path, method is "GET" or "HEAD" or "DELETE" ? arguments : null));
        if (method is not ("GET" or "HEAD" or "DELETE")) request.Content = Body(endpoint, call.Api!, arguments);
        request.Headers.Accept.Add(accept);
        foreach (var (name, value) in Credentials?.Headers() ?? []) request.Headers.TryAddWithoutValidation(name, value);
        if (call.Version is { } v) request.Headers.Add("X-Api-Version", v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private static HttpRouteOptions? RouteFor(EndpointDescriptor endpoint, int? version)
    {
        if (endpoint.Http.Length == 0) return null;
        return (version is { } v ? endpoint.Http.FirstOrDefault(r => r.Versions.Contains(v)) : null)
            ?? endpoint.Http.FirstOrDefault(r => r.Versions.Count == 0) ?? endpoint.Http[0];
    }

    private Uri Address(string path, Dictionary<string, RawValue>? query)
    {
        var address = new StringBuilder(path.TrimStart('/'));
        var separator = '?';
        foreach (var (name, value) in query ?? [])
            foreach (var text in ArgumentText.Of(value))
            {
                address.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
                separator = '&';
            }
        return http.BaseAddress is { } baseAddress
            ? new Uri(new Uri(baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress.AbsoluteUri : baseAddress.AbsoluteUri + "/"), address.ToString())
            : new Uri("/" + address, UriKind.Relative);
    }

    /// <summary>A JSON body: the value of the record that is the only input, else an object of the arguments.</summary>
    private static HttpContent Body(EndpointDescriptor endpoint, HugApi api, Dictionary<string, RawValue> arguments)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var whole = HttpEndpoint.BodyReadingOf(endpoint, api) == BodyReading.Whole;
            if (!whole) writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                if (!whole) writer.WritePropertyName(name);
                ArgumentText.WriteJson(writer, value);
            }
            if (!whole) writer.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The answer as a <see cref="HugResponse"/>: JSON as it is, a problem's <c>errors</c>, text as a string, NDJSON as an array, other bytes as base64.</summary>
    private static async Task<HugResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return new HugResponse(status, default);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (IsNdjson(response)) return new HugResponse(status, JsonLines(bytes));
        if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            var body = JsonElement.Parse(bytes);
            return mediaType == "application/problem+json" && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var errors)
                ? new HugResponse(status, default, ErrorMap.Read(errors))
                : new HugResponse(status, body);
        }
        var text = mediaType.StartsWith("text/", StringComparison.Ordinal) ? Encoding.UTF8.GetString(bytes) : Convert.ToBase64String(bytes);
        return new HugResponse(status, ArgumentText.JsonString(text));
    }

    private static bool IsNdjson(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/x-ndjson";

    private static string? Challenge(HttpResponseMessage response) => response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString();

    private static JsonElement JsonLines(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return JsonElement.Parse("[" + string.Join(",", lines) + "]");
    }
}
