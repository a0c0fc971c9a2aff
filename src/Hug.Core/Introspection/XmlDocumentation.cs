using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace Hug.Introspection;

/// <summary>
/// The XML documentation file of an assembly (<c>&lt;GenerateDocumentationFile&gt;</c>), read once: the documentation
/// of methods reflection found (the generator writes the texts of the methods it describes).
/// </summary>
internal sealed class XmlDocumentation
{
    // Weak keys: an assembly the hug tool unloads (--reload) must not stay pinned here.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Assembly, XmlDocumentation> Cache = new();
    private readonly Dictionary<string, XElement> members;

    private XmlDocumentation(Dictionary<string, XElement> members) => this.members = members;

    public static XmlDocumentation For(Assembly assembly) => Cache.GetValue(assembly, Load);

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "An assembly inside a single-file or native binary has no location: its documentation is then looked for beside the program.")]
    private static XmlDocumentation Load(Assembly assembly)
    {
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var location = assembly.IsDynamic ? "" : assembly.Location;
        var path = !string.IsNullOrEmpty(location) ? Path.ChangeExtension(location, ".xml")
            : assembly.IsDynamic || assembly.GetName().Name is not { } assemblyName ? null
            : Path.Combine(AppContext.BaseDirectory, assemblyName + ".xml");
        if (path is null || !File.Exists(path)) return new XmlDocumentation(members);
        try
        {
            var document = XDocument.Load(path);
            foreach (var member in document.Descendants("member"))
                if (member.Attribute("name")?.Value is { } name)
                    members[name] = member;
        }
        catch (System.Xml.XmlException)
        {
            // A damaged documentation file costs the docs, never the start-up.
        }
        return new XmlDocumentation(members);
    }

    /// <summary>The <c>&lt;member&gt;</c> element of <paramref name="member"/>, if the file documents it.</summary>
    public XElement? Member(MemberInfo member) =>
        members.Count > 0 && members.TryGetValue(DocumentationId.Of(member), out var element) ? element : null;
}
