using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Hug.Invocation;

/// <summary>Creates a closed generic type chosen at start-up, letting its constructor's exceptions through unwrapped.</summary>
internal static class Generic
{
    public static T Create<T>(Type openType, Type typeArgument, params object?[] arguments)
    {
        try
        {
            return (T)Activator.CreateInstance(openType.MakeGenericType(typeArgument), arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}
