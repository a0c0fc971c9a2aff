using System.Runtime.CompilerServices;

namespace Hug.Invocation;

/// <summary>
/// Reflection mode: reading and calling a method the source generator did not describe (a type it could not reach, an
/// assembly built without it, a delegate registered fluently). It needs what Native AOT lacks (metadata kept for
/// reflection, new generic code, expression trees), so under Native AOT Hug refuses it at start-up with this one
/// message instead of failing somewhere later. The trimming and AOT analyses cannot see that guard: the reflection-mode
/// methods carry suppressions that name it (<see cref="Justification"/>).
/// </summary>
internal static class ReflectionMode
{
    public const string Justification = "Reflection mode only: ReflectionMode.Require refuses it under Native AOT, where every exposed method is generated.";

    /// <summary>The DI instance factory of <paramref name="type"/>, read by reflection (the generator writes a typed one otherwise).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2067", Justification = Justification)]
    public static Microsoft.Extensions.DependencyInjection.ObjectFactory Factory(Type type) =>
        Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);

    /// <summary>Throws when the program runs without dynamic code (Native AOT); <paramref name="what"/> names what needed reflection.</summary>
    public static void Require(string what)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
            throw new HugConfigurationException($"{what} was not described by Hug's source generator, which a Native AOT program needs: "
                + "declare it with attributes ([Get], [Cli], [SocketCall], [WebSocket]) on a public or internal type of a project that references Hug.");
    }
}
