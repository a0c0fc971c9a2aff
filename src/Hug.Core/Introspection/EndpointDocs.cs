using System.ComponentModel;
using System.Xml.Linq;

namespace Hug.Introspection;

/// <summary>
/// A method's documentation (XML doc comments, else <c>[Description]</c>), read on first use: a
/// command-line call that prints no help never parses any XML. The comments come from the source
/// generator when it ran, else from the assembly's XML documentation file.
/// </summary>
internal sealed class EndpointDocs(MethodFacts method)
{
    private Texts? texts;

    public string? Summary => Read().Summary;
    public string? Returns => Read().Returns;
    public string? TypeSummary => Read().TypeSummary;
    public string? Parameter(string name) => Read().Parameters.GetValueOrDefault(name);

    private Texts Read() => texts ??= new Texts(method);

    private sealed class Texts
    {
        public Texts(MethodFacts method)
        {
            XElement? member, type;
            if (method.MethodDocumentation is not null || method.TypeDocumentation is not null)
                (member, type) = (XmlDocumentation.Parse(method.MethodDocumentation), XmlDocumentation.Parse(method.TypeDocumentation));
            else
            {
                var file = XmlDocumentation.For(method.Method.Module.Assembly);
                (member, type) = (file.Member(method.Method), method.DeclaringType is null ? null : file.Member(method.DeclaringType));
            }
            Summary = XmlDocumentation.Summary(member) ?? Description(method.Attributes);
            Returns = XmlDocumentation.Returns(member);
            TypeSummary = method.DeclaringType is null ? null : XmlDocumentation.Summary(type) ?? Description(method.TypeAttributes);
            foreach (var parameter in method.Parameters)
                if (parameter.Name is { } name)
                    Parameters[name] = XmlDocumentation.Parameter(member, name) ?? Description(parameter.Attributes);
        }

        private static string? Description(IReadOnlyList<Attribute> attributes) => attributes.First<DescriptionAttribute>()?.Description;

        public string? Summary { get; }
        public string? Returns { get; }
        public string? TypeSummary { get; }
        public Dictionary<string, string?> Parameters { get; } = [];
    }
}
