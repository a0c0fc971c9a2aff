using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>
/// Configuration errors Hug can see at build time (each is also a start-up error when the generator
/// does not run). The messages say how to fix them. Ids are permanent: add new ones at the end.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Hug";

    public static readonly DiagnosticDescriptor RouteParameterNotInMethod = new(
        "HUG001", "Route parameter matches no parameter",
        "{0}: route parameter '{{{1}}}' in '{2}' matches no parameter of the method; add a parameter named '{1}' or rename the route parameter",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateRoute = new(
        "HUG002", "Duplicate route",
        "{0}: {1} {2} is already taken by {3}; give one of them another URL, HTTP method or API version",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameter = new(
        "HUG003", "Parameter type cannot be exposed",
        "{0}: parameter '{1}' {2}; exposed methods take values (use a return value, or a record holding several)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unreachable = new(
        "HUG004", "Endpoint is read through reflection",
        "{0}: {1} is not visible to generated code, so the endpoint is read through reflection at start-up (slower, and not possible under Native AOT); make it internal or public",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "HUG005", "Generic method cannot be exposed",
        "{0}: a generic method cannot be exposed; expose a non-generic method that calls it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ParametersDifferInCase = new(
        "HUG006", "Parameter names differ only in case",
        "{0}: parameters '{1}' and '{2}' differ only in case; names must differ for HTTP and the command line",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoJsonMetadata = new(
        "HUG007", "No JSON metadata under Native AOT",
        "{0}: {1} has no System.Text.Json metadata in this program, and a Native AOT binary cannot make it at run time; add [JsonSerializable(typeof({2}))] to a JsonSerializerContext and give it to Hug (api.Options.Json.TypeInfoResolver = YourContext.Default)",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "HUG007" => NoJsonMetadata,
        "HUG001" => RouteParameterNotInMethod,
        "HUG002" => DuplicateRoute,
        "HUG003" => UnsupportedParameter,
        "HUG004" => Unreachable,
        "HUG005" => GenericMethod,
        _ => ParametersDifferInCase,
    };
}
