using Hug.Formats;

namespace Hug.Tests.Formats;

public sealed class PlainTextTests
{
    private enum Shade { DarkRed }

    public static TheoryData<object, string> Scalars() => new()
    {
        { "text", "text" },
        { true, "true" },
        { 42, "42" },
        { -7L, "-7" },
        { (byte)255, "255" },
        { 1.5m, "1.5" },
        { 0.1, "0.1" },
        { 2.5f, "2.5" },
        { double.NaN, "NaN" },
        { double.NegativeInfinity, "-Infinity" },
        { Shade.DarkRed, "darkRed" },
        { new DateOnly(2024, 1, 31), "2024-01-31" },
        { new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "6f9619ff-8b86-d011-b42d-00c04fc964ff" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void ScalarsArePrintedPlain(object value, string expected) =>
        Assert.Equal(expected, PlainText.Format(value, value.GetType(), new HugOptions()));

    [Fact]
    public void OtherValuesGoThroughJson()
    {
        var json = new HugOptions();
        Assert.Equal("7", PlainText.Format((Shade)7, typeof(Shade), json));
        Assert.Equal("{\n  \"a\": 1\n}", PlainText.Format(new { a = 1 }, typeof(object), json)!.ReplaceLineEndings("\n"));
        Assert.Equal("[1,2]", PlainText.Format(new[] { 1, 2 }, typeof(int[]), json, indented: false));
        Assert.Null(PlainText.Format(null, typeof(object), json));
    }
}
