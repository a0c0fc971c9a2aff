using System.Linq.Expressions;
using Hug.Binding;
using Hug.Introspection;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Invocation;

/// <summary>
/// Compiles, once per endpoint, the delegate that binds every parameter, stops if any failed, and
/// calls the method, adapting its return to <c>ValueTask&lt;TResult&gt;</c>. No reflection per call.
/// </summary>
internal static class InvokerCompiler
{
    /// <summary>Returns a <c>Func&lt;CallArguments, ValueTask&lt;R&gt;&gt;</c>, R being <see cref="TypeShape.ResultType"/>.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = ReflectionMode.Justification)]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = ReflectionMode.Justification)]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = ReflectionMode.Justification)]
    public static Delegate Compile(EndpointDescriptor endpoint, ParameterBinder[] binders)
    {
        if (GeneratedCall.For(endpoint, binders) is { } generated) return generated;
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) throw ReflectionMode.Refused($"Method {endpoint.DisplayName}");
        var resultType = TypeShape.ResultType(endpoint);
        var valueTask = typeof(ValueTask<>).MakeGenericType(resultType);
        var arguments = Expression.Parameter(typeof(Generation.CallArguments), "arguments");
        var context = Expression.Variable(typeof(BindingContext), "context");
        var locals = binders.Select((b, i) => Expression.Variable(b.Type, endpoint.Parameters[i].Name)).ToArray();
        var body = new List<Expression> { Expression.Assign(context, Expression.Convert(arguments, typeof(BindingContext))) };
        for (var i = 0; i < binders.Length; i++)
        {
            var bind = binders[i].GetType().GetMethod(nameof(ParameterBinder<int>.Bind))!;
            body.Add(Expression.Assign(locals[i], Expression.Call(Expression.Constant(binders[i]), bind, context)));
        }
        var method = endpoint.Method;
        Expression? instance = method.IsStatic ? null
            : endpoint.Target is not null ? Expression.Constant(endpoint.Target, method.DeclaringType!)
            : Expression.Convert(
                Expression.Call(context, typeof(BindingContext).GetMethod(nameof(BindingContext.CreateTarget))!,
                    Expression.Constant(ReflectionMode.Factory(method.DeclaringType!))),
                method.DeclaringType!);
        Expression call = Expression.Call(instance, method, locals);
        Expression adapted = endpoint.ReturnKind switch
        {
            ReturnKind.Value => Expression.New(valueTask.GetConstructor([resultType])!, call),
            ReturnKind.Void => Expression.Block(call, Expression.Default(valueTask)),
            ReturnKind.TaskOfT => Expression.New(valueTask.GetConstructor([typeof(Task<>).MakeGenericType(resultType)])!, call),
            ReturnKind.ValueTaskOfT => call,
            ReturnKind.Task => Expression.Call(typeof(InvokerCompiler).GetMethod(nameof(AwaitTask), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, call),
            _ => Expression.Call(typeof(InvokerCompiler).GetMethod(nameof(AwaitValueTask), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, call),
        };
        body.Add(Expression.Condition(Expression.Property(context, nameof(BindingContext.BindingFailed)), Expression.Default(valueTask), adapted));
        var lambda = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(Generation.CallArguments), valueTask),
            Expression.Block(valueTask, locals.Prepend(context), body), arguments);
        return lambda.Compile();
    }


    private static async ValueTask<NoResult> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }

    private static async ValueTask<NoResult> AwaitValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}

/// <summary>The result of a method that returns nothing (void, Task, ValueTask); public for generated call sites only.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct NoResult;
