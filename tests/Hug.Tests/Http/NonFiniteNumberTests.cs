using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Http;

/// <summary>NaN and the infinities are valid doubles: a method may return or take one.</summary>
public sealed class NonFiniteNumberTests
{
    [Fact]
    public async Task AreWrittenAndReadAsNamedLiterals()
    {
        var api = new HugApi();
        api.Http.Get("/ratio", (double a, double b) => a / b);
        api.Http.Post("/half", (Measure measure) => measure.Value / 2);
        api.Http.Get("/maybe", (float? x) => x / 0);
        await using var server = await HugServer.StartAsync(api);

        var (response, body) = await server.GetJsonAsync("/ratio?a=0&b=0");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("NaN", body.GetString());
        (response, body) = await server.GetJsonAsync("/ratio?a=-1&b=0");
        Assert.Equal((HttpStatusCode.OK, "-Infinity"), (response.StatusCode, body.GetString()));
        (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/half", """{"value":"Infinity"}""");
        Assert.Equal((HttpStatusCode.OK, "Infinity"), (response.StatusCode, body.GetString()));
        (response, body) = await server.GetJsonAsync("/maybe?x=1");
        Assert.Equal((HttpStatusCode.OK, "Infinity"), (response.StatusCode, body.GetString()));
        Assert.Equal("1", await server.Client.GetStringAsync("/ratio?a=2&b=2"));
    }

    public sealed record Measure(double Value);
}
