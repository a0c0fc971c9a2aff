using Hug.Introspection;

namespace Hug.OpenApi;

/// <summary>
/// On each described operation's action (its <c>EndpointMetadata</c>): the Hug endpoint behind it and the requirements
/// checked over HTTP, for an OpenAPI transformer to add what ApiExplorer cannot carry (parameter docs, security).
/// </summary>
internal sealed record HugOperationMetadata(EndpointDescriptor Endpoint, IReadOnlyList<Requirement> Requirements, IReadOnlyList<string> Examples);
