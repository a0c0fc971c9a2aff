namespace Hug;

/// <summary>
/// On a method: exposes it as a command-line command, named <paramref name="name"/> or the method's
/// name in kebab case. On a class: puts its commands in a command group (<c>app users add …</c>),
/// named <paramref name="name"/> or the class name in kebab case.
/// </summary>
/// <param name="name">The command's (or group's) name.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CliAttribute(string? name = null) : Attribute
{
    /// <summary>The command's (or group's) name.</summary>
    public string? Name { get; } = name;
}
