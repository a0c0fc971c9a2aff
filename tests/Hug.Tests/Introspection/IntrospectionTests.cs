using System.Reflection;
using Hug.Introspection;

namespace Hug.Tests.Introspection;

public sealed class IntrospectionTests
{
    [Theory]
    [InlineData("Add", "add")]
    [InlineData("GetUserById", "get-user-by-id")]
    [InlineData("maxCount", "max-count")]
    [InlineData("number_1", "number_1")]
    [InlineData("HTTPServer", "http-server")]
    [InlineData("ParseUTF8Text", "parse-utf8-text")]
    public void KebabCase(string name, string expected) => Assert.Equal(expected, Naming.Kebab(name));

    [Theory]
    [InlineData("AddAsync", "Add")]
    [InlineData("Async", "Async")]
    [InlineData("Add", "Add")]
    public void EndpointNames(string method, string expected) => Assert.Equal(expected, Naming.EndpointName(method));

    [Theory]
    [InlineData("maxCount", "MaxCount", true)]
    [InlineData("number_1", "NUMBER_1", true)]
    [InlineData("a@", "a`", false)]
    [InlineData("name", "names", false)]
    [InlineData("größe", "GRÖSSE", false)]
    [InlineData("größe", "GRÖßE", true)]
    [InlineData("x1", "x2", false)]
    public void NamesDifferingOnlyInCase(string a, string b, bool same)
    {
        Assert.Equal(same, Naming.SameIgnoringCase(a, b));
        Assert.Equal(string.Equals(a, b, StringComparison.OrdinalIgnoreCase), Naming.SameIgnoringCase(a, b));
    }

    [Fact]
    public void DocumentationIdsMatchTheCompilers()
    {
        Assert.Equal("M:Hug.Tests.Introspection.Documented.Plain(System.Int32,System.String)", DocumentationId.Of(Method(nameof(Documented.Plain))));
        Assert.Equal("M:Hug.Tests.Introspection.Documented.Generic(System.Collections.Generic.List{System.Nullable{System.Int32}},System.Int32[])",
            DocumentationId.Of(Method(nameof(Documented.Generic))));
        Assert.Equal("M:Hug.Tests.Introspection.Documented.None", DocumentationId.Of(Method(nameof(Documented.None))));
        Assert.Equal("T:Hug.Tests.Introspection.Documented.Nested", DocumentationId.Of(typeof(Documented.Nested)));
    }

    [Fact]
    public void XmlDocumentationIsRead()
    {
        var docs = XmlDocumentation.For(typeof(Documented).Assembly);
        var plain = docs.Member(Method(nameof(Documented.Plain)));
        Assert.Equal("Adds with a Documented reference and a count.", DocumentationText.Summary(plain));
        Assert.Equal("How many.", DocumentationText.Parameter(plain, "count"));
        Assert.Equal("The total.", DocumentationText.Returns(plain));
        Assert.Equal("Generic collections.", DocumentationText.Summary(docs.Member(Method(nameof(Documented.Generic)))));
        Assert.Equal("Types documented too.", DocumentationText.Summary(docs.Member(typeof(Documented))));
    }

    [Fact]
    public void DescriptorCarriesDocsDefaultsAndRequiredness()
    {
        var descriptor = EndpointIntrospector.Describe(Method(nameof(Documented.Plain)), null, new HugOptions());
        Assert.Equal("Documented.Plain", descriptor.DisplayName);
        Assert.Equal("The total.", descriptor.ReturnsDoc);
        Assert.True(descriptor.Parameters[0].IsRequired);
        Assert.False(descriptor.Parameters[1].IsRequired);
        Assert.Equal("x", descriptor.Parameters[1].DefaultValue);
        Assert.Equal(typeof(int), descriptor.ResultType);
    }

    [Fact]
    public void DescriptionAttributeIsTheFallback()
    {
        var descriptor = EndpointIntrospector.Describe(Method(nameof(Documented.None)), null, new HugOptions());
        Assert.Equal("From the attribute", descriptor.Summary);
    }

    private static MethodInfo Method(string name) => typeof(Documented).GetMethod(name)!;
}

/// <summary>Types documented too.</summary>
public static class Documented
{
    /// <summary>Adds with a <see cref="Documented"/> reference and a <paramref name="count"/>.</summary>
    /// <param name="count">How many.</param>
    /// <param name="label">A label.</param>
    /// <returns>The total.</returns>
    public static int Plain(int count, string label = "x") => count;

    /// <summary>Generic collections.</summary>
    public static int Generic(List<int?> values, int[] more) => values.Count + more.Length;

    [System.ComponentModel.Description("From the attribute")]
    public static int None() => 0;

    /// <summary>Nested.</summary>
    public sealed class Nested;
}

public sealed class NullableAnnotationTests
{
    [Theory]
    [InlineData(nameof(NullableShapes.Plain), false)]
    [InlineData(nameof(NullableShapes.Annotated), true)]
    [InlineData(nameof(NullableShapes.ArrayOfNullable), false)]
    [InlineData(nameof(NullableShapes.NullableArray), true)]
    [InlineData(nameof(NullableShapes.GenericNullable), true)]
    [InlineData(nameof(NullableShapes.MixedSecond), true)]
    public void MatchesNullabilityInfoContext(string method, bool nullable)
    {
        var parameter = typeof(NullableShapes).GetMethod(method)!.GetParameters()[^1];
        Assert.Equal(nullable, Hug.Introspection.NullableAnnotation.IsNullable(parameter));
        Assert.Equal(nullable, new System.Reflection.NullabilityInfoContext().Create(parameter).WriteState == System.Reflection.NullabilityState.Nullable);
    }

    [Fact]
    public void ObliviousCodeIsNotNullable()
    {
        var parameter = typeof(NullableShapes.Oblivious).GetMethod(nameof(NullableShapes.Oblivious.Take))!.GetParameters()[0];
        Assert.False(Hug.Introspection.NullableAnnotation.IsNullable(parameter));
    }
}

public static class NullableShapes
{
    public static void Plain(string value) { }
    public static void Annotated(string? value) { }
    public static void ArrayOfNullable(string?[] value) { }
    public static void NullableArray(string[]? value) { }
    public static void GenericNullable(List<string>? value) { }
    public static void MixedSecond(string first, string? second) { }

#nullable disable
    public static class Oblivious
    {
        public static void Take(string value) { }
    }
#nullable restore
}
