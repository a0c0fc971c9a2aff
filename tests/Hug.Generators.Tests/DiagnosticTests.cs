using Microsoft.CodeAnalysis;

namespace Hug.Generators.Tests;

/// <summary>Each configuration error the generator can see, reported at build time where it is, with the fix in the message.</summary>
public sealed class DiagnosticTests
{
    private static Diagnostic Single(string source, string id)
    {
        var run = GeneratorRun.Of("using Hug;\n" + source);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        // In the compilation's own tree, so #pragma warning disable and .editorconfig apply to it
        // (tests/Hug.Tests/Routing/RegistryTests.cs silences HUG002 and HUG003 that way).
        Assert.Same(run.Input.SyntaxTrees.First(), diagnostic.Location.SourceTree);
        return diagnostic;
    }

    [Fact]
    public void HUG001_ARouteParameterThatMatchesNoParameter()
    {
        var diagnostic = Single("public static class Users { [Get(\"/users/{id:int}\")] public static string Find(int userId) => \"\"; }", "HUG001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Users.Find: route parameter '{id}' in '/users/{id:int}' matches no parameter of the method; add a parameter named 'id' or rename the route parameter",
            diagnostic.GetMessage());
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void HUG002_TwoMethodsOnOneRoute()
    {
        var diagnostic = Single("""
            public static class Users
            {
                [Get("/users/{id}")] public static string Find(int id) => "";
                [Get("/Users/{name}/")] public static string ByName(string name) => "";
                [Post("/users/{id}")] public static string Update(int id) => "";
                [Get("/users/{id}", Versions = [2])] public static string FindV2(int id) => "";
            }
            """, "HUG002");
        Assert.Equal("Users.ByName: GET /Users/{name}/ is already taken by Users.Find; give one of them another URL, HTTP method or API version",
            diagnostic.GetMessage());
    }

    [Fact]
    public void HUG003_ARefParameter()
    {
        var diagnostic = Single("public static class Counter { [Cli] public static void Bump(ref int n) => n++; }", "HUG003");
        Assert.Contains("Counter.Bump: parameter 'n' is ref/out/in; exposed methods take values", diagnostic.GetMessage());
    }

    [Fact]
    public void HUG004_APrivateNestedClassIsAWarningWithTheFix()
    {
        var diagnostic = Single("public static class Outer { private static class Hidden { [Get] public static int Secret() => 42; } }", "HUG004");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("make it internal or public", diagnostic.GetMessage());
    }

    [Fact]
    public void HUG005_AGenericMethod()
    {
        var diagnostic = Single("public static class Echo { [Get] public static T Back<T>(T value) => value; }", "HUG005");
        Assert.Equal("Echo.Back: a generic method cannot be exposed; expose a non-generic method that calls it", diagnostic.GetMessage());
    }

    [Fact]
    public void HUG006_ParametersThatDifferOnlyInCase()
    {
        var diagnostic = Single("public static class Pair { [Get] public static int Sum(int value, int Value) => value + Value; }", "HUG006");
        Assert.Contains("parameters 'value' and 'Value' differ only in case", diagnostic.GetMessage());
    }

    [Fact]
    public void ACorrectApiHasNoDiagnostics()
    {
        var run = GeneratorRun.Of("""
            using Hug;
            public static class Users
            {
                [Get("/users/{id}")] public static string Find(int id) => "";
                [Get("/users/{id}/posts/{**rest}")] public static string Posts(int id, string rest) => "";
                [Put("/users/{id}")] public static string Update(int id) => "";
                [Get("/users/{id}", Versions = [2])] public static string FindV2(int id) => "";
                [Get("/users/{id}", Versions = [3]), Get("/people/{id}", Versions = [3])] public static string FindV3(int id) => "";
            }
            """);
        Assert.Empty(run.Diagnostics);
    }
}
