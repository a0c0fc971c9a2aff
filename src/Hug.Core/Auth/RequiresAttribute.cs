namespace Hug;

/// <summary>
/// The method (or every method of the class) needs the requirement registered under
/// <paramref name="name"/> with <see cref="HugApi.AddRequirement"/>, on the interfaces the
/// requirement applies to, narrowed by <see cref="Interfaces"/>.
/// </summary>
/// <param name="name">The requirement's registered name.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RequiresAttribute(string name) : Attribute
{
    /// <summary>The requirement's registered name.</summary>
    public string Name { get; } = name;

    /// <summary>Only these interfaces (default: all the requirement applies to).</summary>
    public HugInterfaces Interfaces { get; set; } = HugInterfaces.All;
}
