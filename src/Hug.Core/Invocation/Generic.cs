using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Hug.Invocation;

/// <summary>
/// Closes a generic type chosen at start-up by reflection: only for methods the source generator did not
/// describe (it writes each generic piece as a shape, <see cref="Generation.Shapes"/>). Every such use goes
/// through here, so a test can see that a generated API makes none (Native AOT cannot make new code).
/// </summary>
internal static class Generic
{
    /// <summary>How many generic types this thread closed by reflection (a test's probe; thread-static so parallel tests do not mix).</summary>
    [ThreadStatic]
    public static int Made;

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = ReflectionMode.Justification)]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2055", Justification = ReflectionMode.Justification)]
    public static Type Close(Type openType, params Type[] typeArguments)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw ReflectionMode.Refused($"Type {typeArguments[0].Name}");
        Made++;
        return openType.MakeGenericType(typeArguments);
    }

    public static T Create<T>(Type openType, Type typeArgument, params object?[] arguments) =>
        Construct<T>(Close(openType, typeArgument), arguments);

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2067", Justification = ReflectionMode.Justification)]
    public static T Construct<T>(Type closedType, params object?[] arguments)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw ReflectionMode.Refused($"Type {closedType.Name}");
        try
        {
            return (T)Activator.CreateInstance(closedType, arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}
