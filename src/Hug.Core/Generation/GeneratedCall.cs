using System.ComponentModel;
using Hug.Binding;
using Hug.Invocation;

namespace Hug.Generation;

// The contract between the source generator's typed call sites and the core. Generated code calls each method
// directly with arguments bound by Hug's binders, typed: no boxing, no object[], no expression tree, and no generic
// code of Hug's instantiated over a user's type (ReadyToRun and Native AOT compile the call with the user's assembly).

/// <summary>One call's arguments as a generated call site reads them; the core's binding context is one.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CallArguments
{
    private protected CallArguments()
    {
    }

    /// <summary>Whether any argument failed to bind (each failure is recorded for the answer); the method must not then be called.</summary>
    public bool Failed => ((BindingContext)this).BindingFailed;
}

/// <summary>Binds one argument of type <typeparamref name="T"/>: Hug's binder of that parameter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IArgumentBinder<T>
{
    /// <summary>The argument, or a default with the failure recorded in <paramref name="arguments"/>.</summary>
    T Bind(CallArguments arguments);
}

/// <summary>What generated call sites return for methods with no result (void, <see cref="Task"/>, <see cref="ValueTask"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCalls
{
    /// <summary>A <see cref="Task"/> as the completion of a call with no result.</summary>
    public static ValueTask<NoResult> Completion(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task);

    /// <summary>A <see cref="ValueTask"/> as the completion of a call with no result.</summary>
    public static ValueTask<NoResult> Completion(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task.AsTask());

    /// <summary>
    /// The instance factory of <typeparamref name="T"/> (through DI): named with the type as a type argument, so trimming
    /// and Native AOT keep its constructors.
    /// </summary>
    public static Microsoft.Extensions.DependencyInjection.ObjectFactory Factory<
        [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] T>()
    {
        var create = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateFactory<T>(Type.EmptyTypes);
        return (services, arguments) => create(services, arguments)!;
    }

    private static async ValueTask<NoResult> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
