using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Hug.Introspection;
using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>HUG001 and HUG002: the routes of a type's methods, read from their HTTP attributes.</summary>
internal sealed partial class TypeParser
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Route parameters that match no method parameter, and two methods of the type on the same route
    /// (method, URL shape and version). Routes of different types are not compared: types in one
    /// assembly may belong to different APIs, and start-up reports their collisions when they meet.
    /// </summary>
    private void CheckRoutes(INamedTypeSymbol type, List<IMethodSymbol> methods)
    {
        var taken = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);
        foreach (var method in methods)
            foreach (var attribute in method.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, known.Http)))
            {
                var at = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? method.Locations.FirstOrDefault();
                var routeKeys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var url in Urls(attribute, method))
                {
                    foreach (var name in RouteParameters(url))
                        if (!method.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                            Report(DiagnosticDescriptors.RouteParameterNotInMethod, at, Display(method), name, url);
                    foreach (var httpMethod in Methods(attribute))
                        foreach (var version in Versions(attribute))
                        {
                            var key = $"{httpMethod} {Shape(url)}" + (version is null ? "" : $" (version {version})");
                            if (!routeKeys.Add(key)) continue;
                            if (taken.TryGetValue(key, out var first) && !SymbolEqualityComparer.Default.Equals(first, method))
                                Report(DiagnosticDescriptors.DuplicateRoute, at, Display(method), httpMethod, url + (version is null ? "" : $" (version {version})"), Display(first));
                            else taken[key] = method;
                        }
                }
            }
    }

    private static IEnumerable<string> Urls(AttributeData attribute, IMethodSymbol method)
    {
        var urls = new List<string>();
        if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string url) urls.Add(url);
        foreach (var named in attribute.NamedArguments)
            if (named.Key == "Urls" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
                urls.AddRange(named.Value.Values.Select(v => v.Value).OfType<string>());
        if (urls.Count == 0) urls.Add("/" + Naming.Kebab(Naming.EndpointName(method.Name)));
        return urls;
    }

    private static IEnumerable<string> Methods(AttributeData attribute)
    {
        var name = attribute.AttributeClass!.Name;
        if (name != "HttpAttribute" && name.EndsWith("Attribute", StringComparison.Ordinal) && AllMethods.Contains(name.Substring(0, name.Length - 9).ToUpperInvariant()))
            return [name.Substring(0, name.Length - 9).ToUpperInvariant()];
        foreach (var named in attribute.NamedArguments)
            if (named.Key == "Methods" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
                return named.Value.Values.Select(v => v.Value).OfType<string>().Select(m => m.Trim().ToUpperInvariant());
        return AllMethods;
    }

    private static IEnumerable<int?> Versions(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
            if (named.Key == "Versions" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull && named.Value.Values.Length > 0)
                return named.Value.Values.Select(v => v.Value).OfType<int>().Select(v => (int?)v);
        return [null];
    }

    /// <summary>The names of <c>{name}</c>, <c>{name:int}</c>, <c>{name?}</c>, <c>{*name}</c> parameters of a template.</summary>
    internal static IEnumerable<string> RouteParameters(string template)
    {
        for (var start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
        {
            if (start + 1 < template.Length && template[start + 1] == '{') { start++; continue; } // {{ is a literal brace
            var end = template.IndexOf('}', start);
            if (end < 0) yield break;
            var name = template.Substring(start + 1, end - start - 1).TrimStart('*');
            var cut = name.IndexOfAny([':', '=', '?']);
            if (cut >= 0) name = name.Substring(0, cut);
            if (name.Length > 0) yield return name.Trim();
        }
    }

    /// <summary>The template with parameter names erased and literals lower-cased, so <c>/u/{id}</c> and <c>/U/{name}/</c> collide.</summary>
    private static string Shape(string url)
    {
        var trimmed = url.Length > 1 ? url.TrimEnd('/') : url;
        var shape = new StringBuilder();
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] != '{') { shape.Append(char.ToLowerInvariant(trimmed[i])); continue; }
            var end = trimmed.IndexOf('}', i);
            if (end < 0) { shape.Append(trimmed.Substring(i)); break; }
            shape.Append(trimmed[i + 1] == '*' ? "{**}" : "{}");
            i = end;
        }
        return shape.ToString();
    }
}
