using Hug.Binding;
using Hug.Introspection;
using Hug.Invocation;

namespace Hug.Pipeline;

/// <summary>
/// The one place a call's steps are written: requirements → the adapter's input → bind and invoke →
/// transforms → exception mapping. Built once per endpoint and interface (per route over HTTP, whose
/// routes add their own requirements and transforms); every adapter (HTTP, CLI, WebSocket calls,
/// Local) runs it and only answers its <see cref="CallOutcome{TResult}"/>.
/// </summary>
internal abstract class CallPipeline
{
    /// <param name="api">The API whose exception handlers map the call's exceptions.</param>
    /// <param name="requirements">The requirements on this interface (<c>HugApi.RequirementsFor</c>: the method's, its route's or router's).</param>
    /// <param name="transforms">The transforms on this interface (<c>HugApi.TransformsFor</c>).</param>
    protected CallPipeline(HugApi api, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms)
    {
        Api = api;
        RequirementList = requirements;
        TransformList = transforms;
    }

    public HugApi Api { get; }

    /// <summary>The requirements that apply on this interface, checked in order before any input is read.</summary>
    public IReadOnlyList<Requirement> Requirements => RequirementList;

    protected IReadOnlyList<Requirement> RequirementList { get; }
    protected IReadOnlyList<ITransform> TransformList { get; }

    /// <summary>The pipeline of an endpoint whose invoker (<see cref="TypeShape.ResultType"/>) is known only as a <see cref="Delegate"/>.</summary>
    public static CallPipeline Create(HugApi api, EndpointDescriptor endpoint, Delegate invoker,
        IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms) =>
        endpoint.ResultShape.Pipeline(api, invoker, requirements, transforms);

    /// <summary>
    /// The pipeline of <paramref name="endpoint"/> over its direct (generated) or reflective call: for an interface that
    /// makes one call per process (the command line), where compiling an invoker costs more than it saves.
    /// </summary>
    public static CallPipeline Direct(HugApi api, EndpointDescriptor endpoint, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms) =>
        endpoint.ResultShape.DirectPipeline(api, endpoint, ParameterBinder.For(endpoint, api), requirements, transforms);

    /// <summary>Runs the call with its result as an object (WebSocket calls, Local callers and the command line, which serialise, cast or print it).</summary>
    public abstract ValueTask<CallOutcome<object?>> RunBoxedAsync(BindingContext context);

    /// <summary>
    /// <see cref="CallPipeline{TResult}.RunSynchronous"/> with the result as an object: the command line's plain call. The
    /// failure comes out beside the result (no outcome of <c>object</c>: at a command's start-up its generic types cost more than it saves).
    /// </summary>
    public abstract object? RunSynchronousBoxed(BindingContext context, out CallFailure? failure);

    /// <summary>Why binding failed: the input's errors (a 400, exit 2), else the service that could not be had (mapped as an exception).</summary>
    protected CallFailure BindingFailure(BindingContext context) =>
        context.HasErrors ? CallFailure.Invalid(context.Errors) : Fail(context.ServiceFailure!, context);

    /// <summary>
    /// An exception of the call as the API maps it: the most specific <c>OnException</c> handler's
    /// answer, else a failure. Adapters call it too for what throws while they write a result (a stream).
    /// </summary>
    public CallFailure Fail(Exception exception, BindingContext context) =>
        !Api.Exceptions.IsEmpty && Api.Exceptions.Handle(exception, context.Call) is { } handled
            ? CallFailure.HandledBy(handled, exception)
            : exception is HugCallException { FromSibling: true } sibling ? CallFailure.Relaying(sibling)
            : CallFailure.Failed(exception);
}

internal sealed class CallPipeline<TResult> : CallPipeline
{
    // Takes the call's arguments (the binding context is one): generated call sites are typed over them.
    private readonly Func<Generation.CallArguments, ValueTask<TResult>> invoke;

    /// <summary>A pipeline over <paramref name="invoke"/> (see the base constructor for the others).</summary>
    public CallPipeline(HugApi api, Func<Generation.CallArguments, ValueTask<TResult>> invoke, IReadOnlyList<Requirement> requirements, IReadOnlyList<ITransform> transforms)
        : base(api, requirements, transforms)
    {
        this.invoke = invoke;
    }

    /// <summary>
    /// Runs the call. A call with nothing to wait for before the method (no requirement, no input
    /// to read, no transform) and a synchronous method completes without an async state machine:
    /// HTTP's GETs take that path.
    /// </summary>
    public ValueTask<CallOutcome<TResult>> RunAsync(BindingContext context)
    {
        if (HasSteps(context)) return RunStepsAsync(context);
        return TryInvoke(context, out var outcome, out var pending) ? new(outcome) : AwaitResultAsync(pending, context);
    }

    /// <summary>
    /// Runs a call its caller knows has no step before the method (no requirement, input to read or
    /// transform) and a synchronous method: the command line's plain call, which checked both. No
    /// <c>ValueTask</c> of the outcome and no question about steps: at a command's start-up each would
    /// be types and ReadyToRun methods (a <c>ValueTask&lt;CallOutcome&lt;int&gt;&gt;</c> alone cost three
    /// JIT compilations).
    /// </summary>
    public CallOutcome<TResult> RunSynchronous(BindingContext context)
    {
        try
        {
            var result = invoke(context);
            return context.BindingFailed ? CallOutcome<TResult>.Of(BindingFailure(context)) : CallOutcome<TResult>.Of(result.Result);
        }
        catch (Exception exception) when (!context.OwnsException(exception))
        {
            return CallOutcome<TResult>.Of(Fail(exception, context));
        }
    }

    private bool HasSteps(BindingContext context) => RequirementList.Count > 0 || TransformList.Count > 0 || context.HasInputToRead;

    /// <summary>Binds and invokes: true with the outcome when it is known now, false with the method's pending result.</summary>
    private bool TryInvoke(BindingContext context, out CallOutcome<TResult> outcome, out ValueTask<TResult> pending)
    {
        try
        {
            pending = invoke(context);
            if (context.BindingFailed) outcome = CallOutcome<TResult>.Of(BindingFailure(context));
            else if (pending.IsCompletedSuccessfully) outcome = CallOutcome<TResult>.Of(pending.Result);
            else
            {
                outcome = default;
                return false;
            }
        }
        catch (Exception exception) when (!context.OwnsException(exception))
        {
            pending = default;
            outcome = CallOutcome<TResult>.Of(Fail(exception, context));
        }
        return true;
    }

    private async ValueTask<CallOutcome<TResult>> AwaitResultAsync(ValueTask<TResult> pending, BindingContext context)
    {
        try
        {
            return CallOutcome<TResult>.Of(await pending);
        }
        catch (Exception exception) when (!context.OwnsException(exception))
        {
            return CallOutcome<TResult>.Of(Fail(exception, context));
        }
    }

    private async ValueTask<CallOutcome<TResult>> RunStepsAsync(BindingContext context)
    {
        try
        {
            for (var i = 0; i < RequirementList.Count; i++)
            {
                var check = await RequirementList[i].CheckAsync(context.Call);
                if (!check.Succeeded) return CallOutcome<TResult>.Of(CallFailure.Refused(check));
            }
            if (context.HasInputToRead && !await context.ReadInputAsync()) return CallOutcome<TResult>.Of(CallFailure.Rejected);
            var pending = invoke(context);
            if (context.BindingFailed) return CallOutcome<TResult>.Of(BindingFailure(context));
            var result = await pending;
            if (TransformList.Count == 0) return CallOutcome<TResult>.Of(result);
            object? value = typeof(TResult) == typeof(NoResult) ? null : result;
            for (var i = 0; i < TransformList.Count; i++) value = TransformList[i].Apply(value, context.Call);
            return CallOutcome<TResult>.OfTransformed(value);
        }
        catch (Exception exception) when (!context.OwnsException(exception))
        {
            return CallOutcome<TResult>.Of(Fail(exception, context));
        }
    }

    public override async ValueTask<CallOutcome<object?>> RunBoxedAsync(BindingContext context) => Boxed(await RunAsync(context));

    public override object? RunSynchronousBoxed(BindingContext context, out CallFailure? failure)
    {
        var outcome = RunSynchronous(context);
        failure = outcome.Failure;
        return outcome.Boxed;
    }

    /// <summary>The outcome with its result as an object; a transformed one stays marked as such (the command line prints it by its own type).</summary>
    private static CallOutcome<object?> Boxed(in CallOutcome<TResult> outcome) =>
        !outcome.Succeeded ? CallOutcome<object?>.Of(outcome.Failure!)
        : outcome.IsTransformed ? CallOutcome<object?>.OfTransformed(outcome.Transformed)
        : CallOutcome<object?>.Of(outcome.Boxed);
}
