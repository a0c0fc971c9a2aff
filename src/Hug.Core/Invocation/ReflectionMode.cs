using System.Runtime.CompilerServices;

namespace Hug.Invocation;

/// <summary>
/// Reflection mode: reading and calling a method the source generator did not describe (a type it could not reach, an
/// assembly built without it, a delegate registered fluently). It needs what Native AOT lacks (metadata kept for
/// reflection, new generic code, expression trees), so under Native AOT Hug refuses it at start-up with one
/// message (<see cref="Refused"/>) instead of failing somewhere later. The trimming and AOT analyses cannot see that guard: the reflection-mode
/// methods carry suppressions that name it (<see cref="Justification"/>).
/// </summary>
internal static class ReflectionMode
{
    public const string Justification = "Reflection mode only: refused under Native AOT (ReflectionMode.Refused), where every exposed method is generated.";

    /// <summary>The DI instance factory of <paramref name="type"/>, read by reflection (the generator writes a typed one otherwise).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2067", Justification = Justification)]
    public static Microsoft.Extensions.DependencyInjection.ObjectFactory Factory(Type type)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported) throw Refused($"Type {type.Name}");
        return Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
    }

    // Each reflection-mode entry point starts with `if (!RuntimeFeature.IsDynamicCodeSupported) throw Refused(…)`, written
    // out rather than called through a helper: the condition is a constant under Native AOT, so the compiler drops
    // everything after it, and with it the runtime type loader, expression trees and attribute parsing (measured:
    // benchmarks/RESULTS.md, a command-only binary's size and start-up).

    /// <summary>The error for <paramref name="what"/> needing reflection under Native AOT.</summary>
    public static HugConfigurationException Refused(string what) =>
        new($"{what} was not described by Hug's source generator, which a Native AOT program needs: "
            + "declare it with attributes ([Get], [Cli], [SocketCall], [WebSocket]) on a public or internal type of a project that references Hug.");
}
