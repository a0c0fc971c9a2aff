using Microsoft.Extensions.DependencyInjection;

namespace Hug;

/// <summary>
/// A WebSocket endpoint the API serves: its type, its route, and how to create an instance per connection (made when
/// the route is mapped: the typed <see cref="Generation.GeneratedCalls.Factory{T}"/> from the generator or <c>api.WebSocket&lt;T&gt;()</c>, so Native
/// AOT keeps the constructor; by reflection only in reflection mode).
/// </summary>
internal sealed record WebSocketRegistration(Type Endpoint, WebSocketAttribute Route, Func<ObjectFactory> Factory)
{
    public static Func<ObjectFactory> Reflected(Type type) => () => Invocation.ReflectionMode.Factory(type);
}
