using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Hug;

/// <summary>
/// A WebSocket endpoint the API serves: its type, its route, and how to create an instance per connection (made when
/// the route is mapped: the generator's typed factory, or the generic one of <c>api.WebSocket&lt;T&gt;()</c>, so Native
/// AOT keeps the constructor; by reflection only in reflection mode).
/// </summary>
internal sealed record WebSocketRegistration(Type Endpoint, WebSocketAttribute Route, Func<ObjectFactory> Factory)
{
    public static ObjectFactory FactoryOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>() =>
        Generation.GeneratedCalls.Factory<T>();

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = Invocation.ReflectionMode.Justification)]
    public static Func<ObjectFactory> Reflected(Type type) => () => ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
}
