using System.ComponentModel;
using System.Reflection;

namespace Hug.Introspection;

/// <summary>
/// A method's documentation (XML doc comments, else <c>[Description]</c>), read on first use: a
/// command-line call that prints no help never loads the XML file.
/// </summary>
internal sealed class EndpointDocs(MethodInfo method)
{
    private readonly Lazy<(string? Summary, string? Returns, string? TypeSummary, Dictionary<string, string?> Parameters)> docs = new(() =>
    {
        var xml = XmlDocumentation.For(method.Module.Assembly);
        var type = method.DeclaringType;
        var parameters = method.GetParameters().Where(p => p.Name is not null).ToDictionary(
            p => p.Name!, p => xml.Parameter(method, p.Name!) ?? p.GetCustomAttribute<DescriptionAttribute>()?.Description);
        return (
            xml.Summary(method) ?? method.GetCustomAttribute<DescriptionAttribute>()?.Description,
            xml.Returns(method),
            type is null ? null : xml.Summary(type) ?? type.GetCustomAttribute<DescriptionAttribute>()?.Description,
            parameters);
    });

    public string? Summary => docs.Value.Summary;
    public string? Returns => docs.Value.Returns;
    public string? TypeSummary => docs.Value.TypeSummary;
    public string? Parameter(string name) => docs.Value.Parameters.GetValueOrDefault(name);
}
