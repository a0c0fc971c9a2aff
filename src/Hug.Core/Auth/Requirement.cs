namespace Hug;

/// <summary>
/// A condition a call must meet before the method runs, declared once per method, class or router
/// and scoped to some interfaces (<see cref="Interfaces"/>). Authentication is one kind; subclass
/// this, or use <c>Requirement.From</c>, for any check over the <see cref="CallContext"/>.
/// </summary>
public abstract class Requirement
{
    /// <summary>What the requirement asks for, as the documentation lists it.</summary>
    public abstract string Description { get; }

    /// <summary>The interfaces it applies to; the method stays free on the others.</summary>
    public HugInterfaces Interfaces { get => scope; init => scope = value; }

    private HugInterfaces scope = HugInterfaces.All;

    /// <summary>A copy of this requirement that applies only on <paramref name="interfaces"/>.</summary>
    public Requirement Only(HugInterfaces interfaces)
    {
        var copy = (Requirement)MemberwiseClone();
        copy.scope = interfaces;
        return copy;
    }

    /// <summary>Credentials the command line accepts for it (options and environment variables), shown in <c>--help</c>.</summary>
    public virtual IReadOnlyList<CliCredential> CliCredentials => [];

    /// <summary>Checks the call; on success it may set <see cref="CallContext.User"/>.</summary>
    public abstract ValueTask<RequirementResult> CheckAsync(CallContext context);

    /// <summary>A custom requirement: fails with <paramref name="status"/> (403 by default) and <paramref name="message"/> when <paramref name="check"/> is false.</summary>
    public static Requirement From(string description, Func<CallContext, bool> check, string? message = null, int status = 403) =>
        new Custom(description, context => ValueTask.FromResult(check(context)), message, status);

    /// <summary>A custom requirement with an asynchronous check.</summary>
    public static Requirement From(string description, Func<CallContext, ValueTask<bool>> check, string? message = null, int status = 403) =>
        new Custom(description, check, message, status);

    private sealed class Custom(string description, Func<CallContext, ValueTask<bool>> check, string? message, int status) : Requirement
    {
        public override string Description => description;

        public override async ValueTask<RequirementResult> CheckAsync(CallContext context) =>
            await check(context)
                ? RequirementResult.Success()
                : RequirementResult.Fail(status, status == 403 ? "Forbidden" : "Requirement not met", message ?? $"{description}: requirement not met");
    }
}

/// <summary>A credential the command line takes for a requirement: <c>--name</c>, or the environment variable.</summary>
/// <param name="Name">The option's name in kebab case, without dashes (<c>api-key</c>).</param>
/// <param name="EnvironmentVariable">The variable read when the option is absent (<c>HUG_API_KEY</c>).</param>
/// <param name="Description">Help text.</param>
public sealed record CliCredential(string Name, string EnvironmentVariable, string Description);

/// <summary>The outcome of a requirement: success, or the status, error and challenge to answer with.</summary>
public sealed class RequirementResult
{
    private static readonly RequirementResult Passed = new(true, 0, "", "", null);

    private RequirementResult(bool succeeded, int status, string title, string message, string? challenge)
    {
        Succeeded = succeeded;
        Status = status;
        Title = title;
        Message = message;
        Challenge = challenge;
    }

    /// <summary>Whether the call may go on.</summary>
    public bool Succeeded { get; }

    /// <summary>The HTTP status of a failure (401, 403, …).</summary>
    public int Status { get; }

    /// <summary>The failure's title: the key of the errors object (<c>Authentication Required</c>).</summary>
    public string Title { get; }

    /// <summary>The failure's message: the value in the errors object.</summary>
    public string Message { get; }

    /// <summary>The <c>WWW-Authenticate</c> value of a 401 (<c>Basic realm="simple"</c>).</summary>
    public string? Challenge { get; }

    /// <summary>The call may go on.</summary>
    public static RequirementResult Success() => Passed;

    /// <summary>The call is refused.</summary>
    public static RequirementResult Fail(int status, string title, string message, string? challenge = null) =>
        new(false, status, title, message, challenge);
}
