using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Transforms;

public sealed class TransformTests
{
    [Fact]
    public async Task HttpTransformLeavesTheCommandLineAndCSharpAlone()
    {
        var api = new HugApi().AddType(typeof(Transformed));
        await using var server = await HugServer.StartAsync(api);
        Assert.Equal("\"3 apples\"", await server.Client.GetStringAsync("/add?a=1&b=2"));
        Assert.Equal("3\n", (await CliRun.RunAsync(new HugApi().AddType(typeof(Transformed)), "add", "1", "2")).Output);
        Assert.Equal(3, Transformed.Add(1, 2));
    }

    [Fact]
    public async Task FluentTransformsChainInOrder()
    {
        var api = new HugApi();
        api.Http.Transform(Transform.From(v => (int)v! * 10)).Transform(Transform.From(v => $"<{v}>")).Get("/n", () => 4);
        await using var server = await HugServer.StartAsync(api);
        Assert.Equal("\"<40>\"", await server.Client.GetStringAsync("/n"));
    }

    [Fact]
    public async Task TransformChosenByAcceptOrSuffix()
    {
        var api = new HugApi();
        api.Http.Formats("json", "text").Transform(Transform.When("text/plain", v => $"total: {v}", suffix: "txt")).Get("/total", () => 5);
        await using var server = await HugServer.StartAsync(api);
        Assert.Equal("5", await server.Client.GetStringAsync("/total"));
        Assert.Equal("total: 5", await server.Client.GetStringAsync("/total.txt"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/total");
        request.Headers.Add("Accept", "text/plain");
        Assert.Equal("total: 5", await (await server.Client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FailingTransformIsA500WithoutInternals()
    {
        var api = new HugApi();
        api.Http.Transform(Transform.From(_ => throw new InvalidOperationException("transform secret"))).Get("/boom", () => 1);
        await using var server = await HugServer.StartAsync(api);
        var response = await server.Client.GetAsync("/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("transform secret", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, (await server.Client.GetAsync("/boom")).StatusCode);
    }

    [Fact]
    public void TransformTypeMustImplementITransform()
    {
        var error = Assert.Throws<HugConfigurationException>(() => new HugApi().AddType(typeof(BadTransform)));
        Assert.Contains("BadTransform.Take", error.Message);
    }

    public static class Transformed
    {
        [Get("/add"), Cli, Transform(typeof(Apples), Interfaces = HugInterfaces.Http)]
        public static int Add(int a, int b) => a + b;
    }

    public sealed class Apples : ITransform
    {
        public object? Apply(object? result, CallContext call) => $"{result} apples";
    }

    public static class BadTransform
    {
        [Get, Transform(typeof(string))]
        public static int Take() => 1;
    }
}
