using System.Net.WebSockets;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hug.Tests.Support;

namespace Hug.Tests.Conformance;

/// <summary>What one interface answered to one call, reduced to what every interface can say.</summary>
/// <param name="Kind">ok, invalid, refused, handled, failed; the command line says "failure" for the last three (exit 1).</param>
/// <param name="Status">The HTTP status, also reported by WebSocket calls and Local exceptions; null on the command line.</param>
/// <param name="Value">The result, or a handler's body, as compact JSON (a stream as an array of its items).</param>
/// <param name="Errors">hug's errors object.</param>
public sealed record Observed(string Kind, int? Status = null, string? Value = null, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>One interface of the API under test: makes a call by endpoint name and named text arguments.</summary>
public abstract class CallInterface(string name)
{
    public string Name { get; } = name;

    public abstract Task<Observed> CallAsync(string endpoint, IReadOnlyDictionary<string, string> args);

    public override string ToString() => Name;

    protected static MethodInfo Method(string endpoint) =>
        typeof(ConformanceApi).GetMethods().Single(m => string.Equals(Kebab(m.Name), endpoint, StringComparison.Ordinal));

    protected static bool Streams(string endpoint) =>
        Method(endpoint).ReturnType.IsGenericType && Method(endpoint).ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);

    protected static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A text as JSON: itself when it parses, else a JSON string (the command line prints strings plain).</summary>
    protected static string Json(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return JsonValue.Create(text).ToJsonString();
        }
    }

    /// <summary>The wire's errors (ASP.NET Core's shape: an array of messages per key; Hug sends one) as one message per key.</summary>
    protected static Dictionary<string, string> ErrorsOf(JsonElement errors) =>
        errors.EnumerateObject().ToDictionary(p => p.Name, p => Assert.Single(p.Value.EnumerateArray()).GetString()!);

    protected static Dictionary<string, string> ErrorsOf(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => Assert.Single(e.Value));
}

public sealed class HttpInterface(HugServer server) : CallInterface("HTTP")
{
    public override async Task<Observed> CallAsync(string endpoint, IReadOnlyDictionary<string, string> args)
    {
        var query = string.Join('&', args.Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value)}"));
        using var response = await server.Client.GetAsync($"/{endpoint}?{query}");
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status == 200)
            return new Observed("ok", status, Streams(endpoint)
                ? new JsonArray([.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line))]).ToJsonString()
                : Json(text));
        var body = JsonDocument.Parse(text).RootElement;
        return status switch
        {
            400 => new Observed("invalid", status, Errors: ErrorsOf(body.GetProperty("errors"))),
            401 or 403 => new Observed("refused", status, Errors: ErrorsOf(body.GetProperty("errors"))),
            500 => new Observed("failed", status),
            _ => new Observed("handled", status, Json(text)),
        };
    }
}

public sealed class CliInterface(HugApi api) : CallInterface("CLI")
{
    public override async Task<Observed> CallAsync(string endpoint, IReadOnlyDictionary<string, string> args)
    {
        // Required parameters are positional, the others --kebab-case options, as the command line exposes them.
        var argv = new List<string> { endpoint };
        foreach (var parameter in Method(endpoint).GetParameters())
            if (args.TryGetValue(parameter.Name!, out var value))
                argv.AddRange(parameter.HasDefaultValue ? ["--" + Kebab(parameter.Name!), value] : [value]);
        var (exit, output, error) = await CliRun.RunAsync(api, [.. argv]);
        return exit switch
        {
            0 => new Observed("ok", Value: Streams(endpoint)
                ? new JsonArray([.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line))]).ToJsonString()
                : Json(output.Trim())),
            2 => new Observed("invalid", Errors: Lines(error)),
            1 when error.TrimStart().StartsWith('{') => new Observed("failure", Value: Json(error.Trim())),
            1 => new Observed("failure", Errors: Lines(error)),
            _ => new Observed($"exit {exit}: {error}"),
        };
    }

    /// <summary>The <c>key: message</c> lines before the usage.</summary>
    private static Dictionary<string, string> Lines(string error) =>
        error.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Length > 0)
            .ToDictionary(l => l[..l.IndexOf(": ", StringComparison.Ordinal)], l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
}

public sealed class WebSocketInterface(HugServer server) : CallInterface("WebSocket")
{
    private int ids;

    public override async Task<Observed> CallAsync(string endpoint, IReadOnlyDictionary<string, string> args)
    {
        using var socket = await SocketClient.ConnectAsync(server, "/calls");
        var id = Interlocked.Increment(ref ids);
        // Arguments as JSON values, numbers as numbers: what a JavaScript client sends.
        var json = new JsonObject(args.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)(long.TryParse(a.Value, out var n) ? JsonValue.Create(n) : JsonValue.Create(a.Value)))));
        await SocketClient.SendAsync(socket, new JsonObject { ["id"] = id, ["call"] = endpoint, ["args"] = json }.ToJsonString());
        var items = new JsonArray();
        while (true)
        {
            var (text, _) = await SocketClient.ReceiveAsync(socket);
            var reply = JsonDocument.Parse(text!).RootElement;
            Assert.Equal(id, reply.GetProperty("id").GetInt32());
            if (reply.TryGetProperty("item", out var item)) items.Add(JsonNode.Parse(item.GetRawText()));
            else if (reply.TryGetProperty("done", out _)) return new Observed("ok", Value: items.ToJsonString());
            else if (reply.TryGetProperty("result", out var result)) return new Observed("ok", Value: Json(result.GetRawText()));
            else
            {
                var status = reply.GetProperty("status").GetInt32();
                return status switch
                {
                    400 => new Observed("invalid", status, Errors: ErrorsOf(reply.GetProperty("errors"))),
                    401 or 403 => new Observed("refused", status, Errors: ErrorsOf(reply.GetProperty("errors"))),
                    500 => new Observed("failed", status),
                    _ => new Observed("handled", status, Json(reply.GetProperty("body").GetRawText())),
                };
            }
        }
    }
}

public sealed class LocalCallInterface(HugApi api) : CallInterface("Local")
{
    public override async Task<Observed> CallAsync(string endpoint, IReadOnlyDictionary<string, string> args)
    {
        try
        {
            var result = await api.Local.CallAsync(endpoint, args.ToDictionary(a => a.Key, a => (object?)a.Value));
            if (result is IAsyncEnumerable<int> stream)
            {
                var items = new List<int>();
                await foreach (var item in stream) items.Add(item);
                result = items;
            }
            return new Observed("ok", Value: JsonSerializer.Serialize(result));
        }
        catch (HugValidationException exception)
        {
            return new Observed("invalid", exception.Status, Errors: ErrorsOf(exception.Errors));
        }
        catch (HugRequirementException exception)
        {
            return new Observed("refused", exception.Status, Errors: ErrorsOf(exception.Errors));
        }
        catch (HugCallException exception)
        {
            return new Observed("handled", exception.Status, JsonSerializer.Serialize(exception.Body));
        }
        catch (InvalidOperationException exception) when (exception.Message == "boom" || exception.Message.StartsWith("Parameter 'warehouse'", StringComparison.Ordinal))
        {
            // In process, an exception no handler answers reaches the caller as it was thrown.
            return new Observed("failed", 500);
        }
    }
}

/// <summary>
/// A client (<see cref="IHugClient"/>) calling by name with text arguments, as hug's <c>hug.use</c> does: the same table
/// through <c>HugClient.Local</c>, <c>HugClient.Http</c> and <c>HugClient.WebSocket</c> answers as the interface it uses.
/// </summary>
public sealed class ClientInterface(string name, Func<IHugClient> client) : CallInterface(name)
{
    public override async Task<Observed> CallAsync(string endpoint, IReadOnlyDictionary<string, string> args)
    {
        await using var api = client();
        HugResponse response;
        try
        {
            response = await api.RequestAsync(endpoint, args.ToDictionary(a => a.Key, a => (object?)a.Value));
        }
        catch (InvalidOperationException exception) when (exception.Message == "boom" || exception.Message.StartsWith("Parameter 'warehouse'", StringComparison.Ordinal))
        {
            return new Observed("failed", 500); // in process, an exception no handler answers reaches the caller as thrown
        }
        if (response.IsSuccess) return new Observed("ok", Value: response.Data.ValueKind == JsonValueKind.Undefined ? "null" : Json(response.Data.GetRawText()));
        return response.Status switch
        {
            400 => new Observed("invalid", 400, Errors: ErrorsOf(response.Errors)),
            401 or 403 => new Observed("refused", response.Status, Errors: ErrorsOf(response.Errors)),
            500 => new Observed("failed", 500),
            _ => new Observed("handled", response.Status, Json(response.Data.GetRawText())),
        };
    }
}
