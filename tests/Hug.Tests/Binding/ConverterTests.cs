using System.Text.Json;
using Hug.Binding;
using Hug.Tests.Support;
using Microsoft.Extensions.Primitives;

namespace Hug.Tests.Binding;

/// <summary>Every converter's accepted values and messages, without a server.</summary>
public sealed class ConverterTests
{
    private static readonly JsonSerializerOptions Json = new HugApi().Options.ReadOnlyJson;

    private static (bool Ok, object? Value, string? Error) Convert(Type type, params string[] values)
    {
        var converter = ConverterFactory.TryCreate(type, null, Json) ?? throw new InvalidOperationException("unsupported");
        var method = typeof(ConverterTests).GetMethod(nameof(ConvertTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);
        return ((bool, object?, string?))method.Invoke(null, [converter, RawValue.FromStrings(new StringValues(values))])!;
    }

    private static (bool, object?, string?) ConvertTyped<T>(ValueConverter converter, RawValue raw)
    {
        var ok = ((ValueConverter<T>)converter).TryConvert(raw, out var value, out var error);
        return (ok, value, error.Message);
    }

    [Theory]
    [InlineData(typeof(int), "42", 42)]
    [InlineData(typeof(int), "-7", -7)]
    [InlineData(typeof(long), "9000000000", 9000000000L)]
    [InlineData(typeof(byte), "255", (byte)255)]
    [InlineData(typeof(double), "1.5", 1.5)]
    [InlineData(typeof(float), "2.5", 2.5f)]
    [InlineData(typeof(string), "", "")]
    [InlineData(typeof(char), "x", 'x')]
    public void Accepts(Type type, string text, object expected)
    {
        var (ok, value, _) = Convert(type, text);
        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(typeof(int), "1.5", "Invalid whole number provided")]
    [InlineData(typeof(int), "x", "Invalid whole number provided")]
    [InlineData(typeof(int), "99999999999", "Invalid whole number provided")]
    [InlineData(typeof(byte), "256", "Invalid whole number provided")]
    [InlineData(typeof(double), "x", "Invalid float number provided")]
    [InlineData(typeof(decimal), "1,5", "Invalid decimal number provided")]
    [InlineData(typeof(int), "1,000", "Invalid whole number provided")]
    [InlineData(typeof(Guid), "nope", "Invalid UUID provided")]
    [InlineData(typeof(DateOnly), "31/01/2024", "Invalid date provided")]
    [InlineData(typeof(DateTime), "yesterday", "Invalid date and time provided")]
    [InlineData(typeof(TimeOnly), "25:00", "Invalid time of day provided")]
    [InlineData(typeof(TimeSpan), "soon", "Invalid time span provided")]
    [InlineData(typeof(Color), "blue", "Invalid value passed. The accepted values are: (red|green)")]
    [InlineData(typeof(Color), "0", "Invalid value passed. The accepted values are: (red|green)")]
    [InlineData(typeof(Celsius), "hot", "Invalid Celsius value provided")]
    [InlineData(typeof(int?), "x", "Invalid whole number provided")]
    public void Rejects(Type type, string text, string message)
    {
        var (ok, _, error) = Convert(type, text);
        Assert.False(ok);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    public void BooleansAreStrict(string text, bool expected)
    {
        var (ok, value, _) = Convert(typeof(bool), text);
        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("falsey")]
    public void NonBooleanTextIsRejectedNotTrue(string text)
    {
        var (ok, _, error) = Convert(typeof(bool), text);
        Assert.False(ok);
        Assert.StartsWith("Invalid true/false value provided", error);
    }

    [Fact]
    public void EnumsAcceptNamesInAnyCase()
    {
        Assert.Equal(Color.Green, Convert(typeof(Color), "GREEN").Value);
        Assert.Equal(Color.Red, Convert(typeof(Color), "red").Value);
    }

    [Fact]
    public void InvariantCultureIsUsed()
    {
        Assert.Equal(1234.5, Convert(typeof(double), "1234.5").Value);
        Assert.Equal(new DateOnly(2024, 1, 31), Convert(typeof(DateOnly), "2024-01-31").Value);
        Assert.Equal(new TimeSpan(1, 2, 3), Convert(typeof(TimeSpan), "01:02:03").Value);
        Assert.Equal(new Celsius(21.5), Convert(typeof(Celsius), "21.5C").Value);
    }

    [Fact]
    public void CollectionsFromRepeatedValues()
    {
        Assert.Equal(new[] { 1, 2, 3 }, (int[])Convert(typeof(int[]), "1", "2", "3").Value!);
        Assert.Equal(["a,b"], (List<string>)Convert(typeof(List<string>), "a,b").Value!);
        Assert.Equal(new[] { Color.Red }, ((IReadOnlyList<Color>)Convert(typeof(IReadOnlyList<Color>), "red").Value!).ToArray());
        var (ok, _, error) = Convert(typeof(List<int>), "1", "x");
        Assert.False(ok);
        Assert.Equal("Invalid whole number provided", error);
    }

    [Fact]
    public void DeclaredDelimiterSplits()
    {
        var converter = (ValueConverter<List<int>>)ConverterFactory.TryCreate(typeof(List<int>), ",", Json)!;
        Assert.True(converter.TryConvert(RawValue.FromStrings("1, 2,3"), out var values, out _));
        Assert.Equal([1, 2, 3], values);
    }

    [Fact]
    public void ScalarsFromJsonValues()
    {
        var converter = (ValueConverter<int>)ConverterFactory.TryCreate(typeof(int), null, Json)!;
        using var document = JsonDocument.Parse("""{"a":5,"b":"6","c":1.5,"d":{}}""");
        var root = document.RootElement;
        Assert.True(converter.TryConvert(RawValue.FromJson(root.GetProperty("a")), out var a, out _));
        Assert.True(converter.TryConvert(RawValue.FromJson(root.GetProperty("b")), out var b, out _));
        Assert.False(converter.TryConvert(RawValue.FromJson(root.GetProperty("c")), out _, out _));
        Assert.False(converter.TryConvert(RawValue.FromJson(root.GetProperty("d")), out _, out var error));
        Assert.Equal((5, 6), (a, b));
        Assert.Equal("Invalid whole number provided", error.Message);
    }

    [Fact]
    public void RecordsFromJsonTextWithMemberPaths()
    {
        var converter = (ValueConverter<Person>)ConverterFactory.TryCreate(typeof(Person), null, Json)!;
        Assert.True(converter.TryConvert(RawValue.FromStrings("""{"name":"Ann","age":3}"""), out var person, out _));
        Assert.Equal("Ann", person.Name);
        Assert.False(converter.TryConvert(RawValue.FromStrings("""{"name":"Ann","previous":[{"city":5}]}"""), out _, out var error));
        Assert.Equal("previous[0].city", error.Member);
        Assert.Equal("Invalid text value provided", error.Message);
    }

    [Theory]
    [InlineData(typeof(object))]
    [InlineData(typeof(Action))]
    [InlineData(typeof(Stream))]
    [InlineData(typeof(IClock))]
    public void UnsupportedTypesHaveNoConverter(Type type) => Assert.Null(ConverterFactory.TryCreate(type, null, Json));

    [Theory]
    [InlineData(typeof(int), "A whole number")]
    [InlineData(typeof(double), "A float number")]
    [InlineData(typeof(decimal), "A decimal number")]
    [InlineData(typeof(Guid), "A UUID")]
    [InlineData(typeof(string), "Basic text / string value")]
    [InlineData(typeof(int?), "A whole number")]
    [InlineData(typeof(Person), "A JSON object (Person)")]
    [InlineData(typeof(JsonElement), "Any JSON value")]
    public void Descriptions(Type type, string description) =>
        Assert.Equal(description, ConverterFactory.TryCreate(type, null, Json)!.Description);

    /// <summary>Every scalar with its own wording keeps it (the messages are found by type code first, then by type).</summary>
    [Theory]
    [InlineData(typeof(long), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(short), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(sbyte), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(uint), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(ulong), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(ushort), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(byte), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(Int128), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(UInt128), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(System.Numerics.BigInteger), "A whole number", "Invalid whole number provided")]
    [InlineData(typeof(float), "A float number", "Invalid float number provided")]
    [InlineData(typeof(Half), "A float number", "Invalid float number provided")]
    [InlineData(typeof(decimal), "A decimal number", "Invalid decimal number provided")]
    [InlineData(typeof(char), "A single character", "Invalid single character provided")]
    [InlineData(typeof(DateTime), "A date and time (ISO 8601, such as 2024-01-31T09:30:00Z)", "Invalid date and time provided")]
    [InlineData(typeof(DateTimeOffset), "A date and time with offset (ISO 8601, such as 2024-01-31T09:30:00+01:00)", "Invalid date and time provided")]
    [InlineData(typeof(DateOnly), "A date (yyyy-mm-dd)", "Invalid date provided")]
    [InlineData(typeof(TimeOnly), "A time of day (hh:mm:ss)", "Invalid time of day provided")]
    [InlineData(typeof(TimeSpan), "A time span ([d.]hh:mm:ss)", "Invalid time span provided")]
    [InlineData(typeof(System.Net.IPAddress), "A IPAddress value", "Invalid IPAddress value provided")]
    public void ScalarMessages(Type type, string description, string error)
    {
        var converter = ConverterFactory.TryCreate(type, null, Json)!;
        Assert.Equal((description, error), (converter.Description, converter.Error));
    }
}
