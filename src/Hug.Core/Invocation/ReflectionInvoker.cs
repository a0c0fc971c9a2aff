using System.Reflection;
using Hug.Binding;
using Hug.Introspection;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Invocation;

/// <summary>
/// The generated typed call when the source generator wrote one, else binds and calls through
/// <c>MethodInfo.Invoke</c>. Only for
/// interfaces that make one call per process (the command line): there, compiling an expression
/// tree costs far more start-up time (System.Linq.Expressions, JIT) than the single reflective
/// call it would save. Servers use <see cref="InvokerCompiler"/>.
/// </summary>
internal static class ReflectionInvoker
{
    public static Func<Generation.CallArguments, ValueTask<TResult>> Create<TResult>(EndpointDescriptor endpoint, ParameterBinder[] binders) =>
        GeneratedCall.For(endpoint, binders) is { } generated ? (Func<Generation.CallArguments, ValueTask<TResult>>)generated : Reflective<TResult>(endpoint, binders);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Func<Generation.CallArguments, ValueTask<TResult>> Reflective<TResult>(EndpointDescriptor endpoint, ParameterBinder[] binders)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw ReflectionMode.Refused($"Method {endpoint.DisplayName}");
        var method = endpoint.Method;
        var factory = endpoint.NeedsInstance ? ReflectionMode.Factory(endpoint.Facts.DeclaringType!) : null;
        return call =>
        {
            var context = (BindingContext)call;
            var arguments = new object?[binders.Length];
            for (var i = 0; i < binders.Length; i++) arguments[i] = binders[i].BindBoxed(context);
            if (context.BindingFailed) return default;
            var target = factory is not null ? context.CreateTarget(factory) : endpoint.Target;
            var returned = Call(method, target, arguments);
            return endpoint.ReturnKind switch
            {
                ReturnKind.Value => new ValueTask<TResult>((TResult)returned!),
                ReturnKind.Void => default,
                ReturnKind.TaskOfT => new ValueTask<TResult>((Task<TResult>)returned!),
                ReturnKind.ValueTaskOfT => (ValueTask<TResult>)returned!,
                ReturnKind.Task => AwaitAsync<TResult>((Task)returned!),
                _ => AwaitAsync<TResult>(((ValueTask)returned!).AsTask()),
            };
        };
    }

    private static object? Call(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    private static async ValueTask<TResult> AwaitAsync<TResult>(Task task)
    {
        await task.ConfigureAwait(false);
        return default!;
    }
}
