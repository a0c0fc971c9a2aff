using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace Hug.Introspection;

/// <summary>
/// The texts Hug shows from a documentation comment's <c>&lt;member&gt;</c> element: <c>summary</c>, <c>returns</c>
/// and each <c>param</c>, with <c>see</c>/<c>paramref</c> resolved and whitespace collapsed. Written once: this file
/// is also compiled into Hug.Generators (netstandard2.0, so no ranges here), which reads the comments at build time;
/// at run time only a method reflection found reads them, from the assembly's XML file (<see cref="XmlDocumentation"/>).
/// A generated program therefore never parses XML (Native AOT leaves System.Xml, and the HttpClient its URL
/// resolver reaches, out of the binary).
/// </summary>
internal static class DocumentationText
{
    public static string? Summary(XElement? member) => Text(member?.Element("summary"));

    public static string? Returns(XElement? member) => Text(member?.Element("returns"));

    public static string? Parameter(XElement? member, string name) =>
        Text(member?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        var builder = new StringBuilder();
        foreach (var node in element.Nodes()) Append(builder, node);
        var text = string.Join(" ", builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
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
                builder.Append(see.Value.Length > 0 ? see.Value : target.Substring(target.LastIndexOfAny(new[] { ':', '.' }) + 1));
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
