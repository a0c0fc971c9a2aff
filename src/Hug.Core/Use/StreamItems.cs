using Hug.Introspection;
using Hug.Invocation;

namespace Hug;

/// <summary>
/// An endpoint's <c>IAsyncEnumerable&lt;T&gt;</c> result as items of object, decided by the method's declared result
/// (as HTTP and the command line decide), for the answers that send items one by one (WebSocket calls, clients).
/// </summary>
internal static class StreamItems
{
    /// <summary>The items of <paramref name="result"/> and their type, or null when the endpoint does not stream.</summary>
    public static (IAsyncEnumerable<object?> Items, Type ItemType)? Of(EndpointDescriptor endpoint, object result) =>
        endpoint.ResultShape.StreamItem?.Accept(Boxer.Instance) is { } box ? (box.Box(result), box.ItemType) : null;

    private sealed class Boxer : ITypeShapeVisitor<(Func<object, IAsyncEnumerable<object?>> Box, Type ItemType)>
    {
        public static readonly Boxer Instance = new();

        public (Func<object, IAsyncEnumerable<object?>> Box, Type ItemType) Visit<T>() => (Box<T>, typeof(T));
    }

    private static async IAsyncEnumerable<object?> Box<T>(object items)
    {
        await foreach (var item in (IAsyncEnumerable<T>)items) yield return item;
    }
}
