using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace Hug.Introspection;

/// <summary>The XML documentation file of an assembly (<c>&lt;GenerateDocumentationFile&gt;</c>), read once.</summary>
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

    public string? Summary(MemberInfo member) => Summary(Member(member));

    public string? Returns(MethodInfo method) => Returns(Member(method));

    public string? Parameter(MethodInfo method, string name) => Parameter(Member(method), name);

    /// <summary>The <c>&lt;member&gt;</c> element of <paramref name="member"/>, if the file documents it.</summary>
    public XElement? Member(MemberInfo member) =>
        members.Count > 0 && members.TryGetValue(DocumentationId.Of(member), out var element) ? element : null;

    /// <summary>The element's text with <c>see</c>/<c>paramref</c> resolved and whitespace collapsed.</summary>
    /// <summary>A documentation comment as the generator embeds it (a <c>&lt;member&gt;</c> element's text).</summary>
    public static XElement? Parse(string? xml)
    {
        if (string.IsNullOrEmpty(xml)) return null;
        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    public static string? Summary(XElement? member) => Text(member?.Element("summary"));

    public static string? Returns(XElement? member) => Text(member?.Element("returns"));

    public static string? Parameter(XElement? member, string name) =>
        Text(member?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        var builder = new StringBuilder();
        foreach (var node in element.Nodes()) Append(builder, node);
        var text = string.Join(' ', builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    private static void Append(StringBuilder builder, XNode node)
    {
        switch (node)
        {
            case XText text:
                builder.Append(text.Value);
                break;
            case XElement { Name.LocalName: "see" or "seealso" } see:
                var target = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? "";
                builder.Append(see.Value.Length > 0 ? see.Value : target[(target.LastIndexOfAny([':', '.']) + 1)..]);
                break;
            case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                builder.Append((string?)reference.Attribute("name"));
                break;
            case XElement element:
                foreach (var child in element.Nodes()) Append(builder, child);
                break;
        }
    }
}
