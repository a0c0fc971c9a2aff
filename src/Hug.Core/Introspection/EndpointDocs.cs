using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Hug.Introspection;

/// <summary>
/// A method's documentation (XML doc comments, else <c>[Description]</c>), read on first use: a
/// command-line call that prints no help reads none. The texts come from the source generator, which read the
/// comments at build time, else (reflection mode) from the assembly's XML documentation file.
/// </summary>
internal sealed class EndpointDocs(MethodFacts method)
{
    private Texts? texts;

    public string? Summary => Read().Summary;
    public string? Returns => Read().Returns;
    public string? TypeSummary => Read().TypeSummary;
    public string? Parameter(string name) => Read().Parameters.GetValueOrDefault(name);

    private Texts Read() => texts ??= new Texts(method);

    /// <summary>The summary of <paramref name="type"/> (a WebSocket endpoint's class): generated, else (reflection mode) from the XML file.</summary>
    public static string? Of(Type type) =>
        Generation.GeneratedEndpoints.Describe(type) is { } generated ? generated.Summary
        : RuntimeFeature.IsDynamicCodeSupported ? DocumentationText.Summary(XmlDocumentation.For(type.Assembly).Member(type))
        : null;

    private sealed class Texts
    {
        public Texts(MethodFacts method)
        {
            if (method.Generated is { } generated)
            {
                Summary = generated.Summary ?? Description(method.Attributes);
                Returns = generated.Returns;
                TypeSummary = method.GeneratedDeclaring?.Summary ?? Description(method.TypeAttributes);
                foreach (var parameter in method.Parameters)
                    Parameters[parameter.Name] = parameter.Documentation ?? Description(parameter.Attributes);
            }
            else if (RuntimeFeature.IsDynamicCodeSupported) // reflection mode, which Native AOT refuses: leaves System.Xml out of its images
            {
                var file = XmlDocumentation.For(method.Method.Module.Assembly);
                var member = file.Member(method.Method);
                Summary = DocumentationText.Summary(member) ?? Description(method.Attributes);
                Returns = DocumentationText.Returns(member);
                TypeSummary = method.DeclaringType is null ? null : DocumentationText.Summary(file.Member(method.DeclaringType)) ?? Description(method.TypeAttributes);
                foreach (var parameter in method.Parameters)
                    Parameters[parameter.Name] = DocumentationText.Parameter(member, parameter.Name) ?? Description(parameter.Attributes);
            }
        }

        private static string? Description(IReadOnlyList<Attribute> attributes) => attributes.First<DescriptionAttribute>()?.Description;

        public string? Summary { get; }
        public string? Returns { get; }
        public string? TypeSummary { get; }
        public Dictionary<string, string?> Parameters { get; } = [];
    }
}
