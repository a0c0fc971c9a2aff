using System.Text.Json;
using System.Text.RegularExpressions;
using Hug.Binding;

namespace Hug.Tests.Binding;

/// <summary>
/// JsonErrors reads System.Text.Json's messages by hand (regular expressions would put the regex engine into every native
/// binary): these hold the hand-written parsing to the expressions it replaced, on the messages System.Text.Json writes
/// and on made-up edge cases.
/// </summary>
public sealed class JsonErrorsTests
{
    private static readonly Regex MissingProperties = new(@"missing required properties,? including:? (.+)$", RegexOptions.IgnoreCase);
    private static readonly Regex Segments = new(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]");
    private static readonly Regex TypeName = new(@" ?(for|to) (type )?'?System\.[\w.`\[\], ]+'?");

    private sealed record Point(int X, int Y)
    {
        public required string Name { get; init; }
    }

    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>
        {
            "JSON deserialization for type 'Point' was missing required properties including: 'Name'.",
            "was missing required properties, including: 'a', 'b'.",
            "MISSING REQUIRED PROPERTIES INCLUDING 'x'",
            "missing required properties including:",
            "missing required properties including: first line\nsecond line",
            "The JSON value could not be converted to System.Int32. Path: $.x | LineNumber: 0 | BytePositionInLine: 7.",
            "The JSON value could not be converted to System.Collections.Generic.List`1[System.Int32]. Path: $.items[0]",
            "Deserialization of types without a parameterless constructor is not supported for type 'System.Object'.",
            "The converter for type 'System.Nullable`1[System.Int32]' read too much or not enough.",
            "nothing to see here to System. or for type System",
            "'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 1.",
        };
        foreach (var json in new[] { "{\"X\":\"a\",\"Y\":1,\"Name\":\"n\"}", "{\"X\":1,\"Y\":2}", "{\"X\":1,", "[1]", "{\"X\":1e999,\"Y\":1,\"Name\":\"n\"}" })
        {
            try
            {
                JsonSerializer.Deserialize<Point>(json);
            }
            catch (JsonException exception)
            {
                data.Add(exception.Message);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void MessagesAreReadAsTheExpressionsReadThem(string message)
    {
        var missing = MissingProperties.Match(message);
        Assert.Equal(missing.Success ? missing.Groups[1].Value : null, JsonErrors.MissingProperties(message));
        Assert.Equal(TypeName.Replace(message, ""), JsonErrors.WithoutTypeNames(message));
    }

    [Theory]
    [InlineData(".x")]
    [InlineData(".items[0].name")]
    [InlineData(".['odd name'][12].y")]
    [InlineData(".a..b[x][3]['']['unclosed")]
    [InlineData("")]
    [InlineData(".[0]")]
    public void PathsSplitAsTheExpressionSplitThem(string path)
    {
        var expected = Segments.Matches(path).Select(m => m.Groups["index"].Success ? (m.Groups["index"].Value, true)
            : m.Groups["name"].Success ? (m.Groups["name"].Value, false) : (m.Groups["quoted"].Value, false));
        Assert.Equal(expected, JsonErrors.Segments(path).Select(s => (s.Name, s.IsIndex)));
    }
}
