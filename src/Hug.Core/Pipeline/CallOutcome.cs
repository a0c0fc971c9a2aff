using Hug.Invocation;

namespace Hug.Pipeline;

/// <summary>
/// What one run of the pipeline produced: the method's typed result, the result as the interface's
/// transforms left it (an object), or a failure. A struct, so a plain call allocates nothing for it.
/// </summary>
internal readonly struct CallOutcome<TResult>
{
    private CallOutcome(TResult value, object? transformed, bool isTransformed, CallFailure? failure)
    {
        Value = value;
        Transformed = transformed;
        IsTransformed = isTransformed;
        Failure = failure;
    }

    /// <summary>The method's result (default for <see cref="NoResult"/>); meaningful only when <see cref="Succeeded"/> and not <see cref="IsTransformed"/>.</summary>
    public TResult Value { get; }

    /// <summary>The result after the interface's transforms.</summary>
    public object? Transformed { get; }

    public bool IsTransformed { get; }

    public CallFailure? Failure { get; }

    public bool Succeeded => Failure is null;

    /// <summary>The result as an object: the transformed value, null for a method that returns nothing, else the value boxed.</summary>
    public object? Boxed => IsTransformed ? Transformed : typeof(TResult) == typeof(NoResult) ? null : Value;

    public static CallOutcome<TResult> Of(TResult value) => new(value, null, false, null);

    public static CallOutcome<TResult> OfTransformed(object? value) => new(default!, value, true, null);

    public static CallOutcome<TResult> Of(CallFailure failure) => new(default!, null, false, failure);
}
