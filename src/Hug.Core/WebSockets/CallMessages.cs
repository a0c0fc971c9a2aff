using System.Text.Json.Serialization;

namespace Hug.WebSockets;

// The answers of the WebSocket call endpoint, as types (not anonymous objects) so their JSON metadata is generated
// (Formats/HugJson.cs) and Native AOT can write them. Their names are wire names, pinned whatever the API's naming policy.

/// <summary><c>{"id": …, "result": …}</c>: a call's result.</summary>
internal sealed record CallAnswer([property: JsonPropertyName("id")] object? Id, [property: JsonPropertyName("result")] object? Result);

/// <summary><c>{"id": …, "item": …}</c>: one item of a stream.</summary>
internal sealed record CallItem([property: JsonPropertyName("id")] object? Id, [property: JsonPropertyName("item")] object? Item);

/// <summary><c>{"id": …, "done": true}</c>: the end of a stream.</summary>
internal sealed record CallDone([property: JsonPropertyName("id")] object? Id)
{
    [JsonPropertyName("done")]
    public bool Done => true;
}

/// <summary><c>{"id": …, "status": 400, "errors": {"name": ["message"]}}</c>: a call that failed (HTTP's problem <c>errors</c>).</summary>
internal sealed record CallError([property: JsonPropertyName("id")] object? Id, [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("errors"), JsonConverter(typeof(ErrorArraysConverter))] IReadOnlyDictionary<string, string> Errors);

/// <summary><c>{"id": …, "status": …, "body": …}</c>: a failure an <c>OnException</c> handler answered.</summary>
internal sealed record CallHandled([property: JsonPropertyName("id")] object? Id, [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("body")] object? Body);
