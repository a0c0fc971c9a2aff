using System.ComponentModel;
using System.Reflection;

namespace Hug.Introspection;

/// <summary>
/// A method's documentation (XML doc comments, else <c>[Description]</c>), read on first use: a
/// command-line call that prints no help never loads the XML file.
/// </summary>
internal sealed class EndpointDocs(MethodInfo method)
{
    private Texts? texts;

    public string? Summary => Read().Summary;
    public string? Returns => Read().Returns;
    public string? TypeSummary => Read().TypeSummary;
    public string? Parameter(string name) => Read().Parameters.GetValueOrDefault(name);

    private Texts Read() => texts ??= new Texts(method);

    private sealed class Texts
    {
        public Texts(MethodInfo method)
        {
            var xml = XmlDocumentation.For(method.Module.Assembly);
            var type = method.DeclaringType;
            Summary = xml.Summary(method) ?? method.GetCustomAttribute<DescriptionAttribute>()?.Description;
            Returns = xml.Returns(method);
            TypeSummary = type is null ? null : xml.Summary(type) ?? type.GetCustomAttribute<DescriptionAttribute>()?.Description;
            foreach (var parameter in method.GetParameters())
                if (parameter.Name is { } name)
                    Parameters[name] = xml.Parameter(method, name) ?? parameter.GetCustomAttribute<DescriptionAttribute>()?.Description;
        }

        public string? Summary { get; }
        public string? Returns { get; }
        public string? TypeSummary { get; }
        public Dictionary<string, string?> Parameters { get; } = [];
    }
}
