using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hug.Generators;

/// <summary>
/// Quiets CS1573 ("parameter has no matching param tag") for the parameters of an exposed method that Hug fills itself:
/// callers never supply them, and the documentation (help, the page, OpenAPI) never shows them, so asking for their
/// <c>&lt;param&gt;</c> text is noise (a service-taking API got a dozen). Which are those is decided from the declaration:
/// directives and framework values by type, <c>[FromServices]</c> and Hug's directive attributes, and types that cannot
/// be a caller's JSON (interfaces, abstract classes, classes built only from other services).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class InjectedParameterDocsSuppressor : DiagnosticSuppressor
{
    internal static readonly SuppressionDescriptor InjectedParameter = new(
        "HUGS001", "CS1573",
        "Hug fills this parameter itself (a service, a directive or the call's cancellation token): no caller supplies it, so it needs no <param> text.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => ImmutableArray.Create(InjectedParameter);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        KnownTypes? known = null;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
            if (node.FirstAncestorOrSelf<ParameterSyntax>() is not { } syntax) continue;
            if (context.GetSemanticModel(tree).GetDeclaredSymbol(syntax, context.CancellationToken) is not IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter) continue;
            known ??= KnownTypes.From(context.Compilation);
            if (known is null || !known.IsExposed(method)) continue;
            if (IsInjected(parameter, known)) context.ReportSuppression(Suppression.Create(InjectedParameter, diagnostic));
        }
    }

    private static readonly string[] FrameworkValues =
    [
        "System.Threading.CancellationToken", "System.Security.Claims.ClaimsPrincipal", "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.ILogger<TCategoryName>", "Microsoft.AspNetCore.Http.HttpContext", "Microsoft.AspNetCore.Http.HttpRequest",
        "Microsoft.AspNetCore.Http.HttpResponse", "Hug.HugTimer", "Hug.CurrentApi", "Hug.HugInterfaces", "Hug.CallContext", "Hug.HugApi",
        "Hug.IWebSocketHub", "Hug.HugSession",
    ];

    internal static bool IsInjected(IParameterSymbol parameter, KnownTypes known)
    {
        if (parameter.GetAttributes().Any(a => KnownTypes.IsFromServices(a.AttributeClass) || KnownTypes.Is(a.AttributeClass, known.Directive)
                || KnownTypes.Is(a.AttributeClass, known.User) || KnownTypes.Is(a.AttributeClass, known.ApiVersion) || KnownTypes.Is(a.AttributeClass, known.Documentation)))
            return true;
        if (parameter.Type is not INamedTypeSymbol type) return false;
        if (FrameworkValues.Contains(type.OriginalDefinition.ToDisplayString())) return true;
        return IsServiceShaped(type);
    }

    /// <summary>A type no caller's JSON can make: an interface (not a collection), an abstract class, or a class whose constructors all take services.</summary>
    private static bool IsServiceShaped(INamedTypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Struct or TypeKind.Delegate) return false;
        if (type.TypeKind == TypeKind.Interface)
            return !type.AllInterfaces.Append(type).Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        if (type.TypeKind != TypeKind.Class || type.IsRecord) return false;
        if (type.IsAbstract) return true;
        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        return constructors.Count > 0 && constructors.All(c => c.Parameters.Any(p => p.Type.TypeKind == TypeKind.Interface || p.Type.IsAbstract));
    }
}
