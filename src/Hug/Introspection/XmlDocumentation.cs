using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace Hug.Introspection;

/// <summary>The XML documentation file of an assembly (<c>&lt;GenerateDocumentationFile&gt;</c>), read once.</summary>
internal sealed class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, XmlDocumentation> Cache = new();
    private readonly Dictionary<string, XElement> members;

    private XmlDocumentation(Dictionary<string, XElement> members) => this.members = members;

    public static XmlDocumentation For(Assembly assembly) => Cache.GetOrAdd(assembly, Load);

    private static XmlDocumentation Load(Assembly assembly)
    {
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var location = assembly.IsDynamic ? "" : assembly.Location;
        var path = string.IsNullOrEmpty(location) ? null : Path.ChangeExtension(location, ".xml");
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

    public string? Summary(MemberInfo member) => Text(Member(member)?.Element("summary"));

    public string? Returns(MethodInfo method) => Text(Member(method)?.Element("returns"));

    public string? Parameter(MethodInfo method, string name) =>
        Text(Member(method)?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    private XElement? Member(MemberInfo member) =>
        members.Count > 0 && members.TryGetValue(DocumentationId.Of(member), out var element) ? element : null;

    /// <summary>The element's text with <c>see</c>/<c>paramref</c> resolved and whitespace collapsed.</summary>
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
