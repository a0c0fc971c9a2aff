using System.CommandLine;

namespace Hug.Cli;

/// <summary>
/// What the application around the command line brings that this adapter cannot see: Hug adds <c>serve</c>
/// (ASP.NET Core) and prints ASP.NET Core's <c>IResult</c> results (status and value; a non-2xx status exits 1).
/// One object for both, so a command's start-up loads one more type, not four (each type a command loads costs it).
/// </summary>
/// <param name="builtIn">The built-in command's name (<c>serve</c>).</param>
/// <param name="builtInDescription">The line the root's help shows for it; its options and action are built only when the command line names it.</param>
/// <param name="builtInOwner">What the name is reserved for, in the error about a command or group that takes it.</param>
internal abstract class CliHost(string builtIn, string builtInDescription, string builtInOwner)
{
    public string BuiltIn { get; } = builtIn;

    public string BuiltInDescription { get; } = builtInDescription;

    public string BuiltInOwner { get; } = builtInOwner;

    /// <summary>Whether <paramref name="api"/>, with <paramref name="commands"/> commands of its own, has the built-in command.</summary>
    public abstract bool HasBuiltIn(HugApi api, int commands);

    /// <summary>The built-in command in full: options, validators and action.</summary>
    public abstract Command CreateBuiltIn(HugApi api);

    /// <summary>
    /// Before a call whose method reads the call context (directives): lets the host add what only it can give
    /// (Hug: the HTTP documentation for <c>[Documentation]</c>). Not on a plain call's path.
    /// </summary>
    public abstract void PrepareCall(HugApi api);

    /// <summary>Whether results of <paramref name="type"/> (a reference type) are printed by <see cref="Print"/>.</summary>
    public abstract bool Prints(Type type);

    /// <summary>Prints <paramref name="result"/>; the exit code.</summary>
    public abstract int Print(object result, CliSession session);
}
