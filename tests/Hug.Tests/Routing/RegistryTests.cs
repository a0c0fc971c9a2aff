using Hug.Tests.Support;

namespace Hug.Tests.Routing;

public sealed class RegistryTests
{
    [Fact]
    public void DiscoveryVisitsEveryTypeAndStopsAtTheFirstBadDeclaration()
    {
        // This assembly holds deliberately broken declarations; discovery must name one of them.
        // Successful discovery from an entry assembly is covered by the examples' real-process tests.
        var error = Assert.Throws<HugConfigurationException>(() => HugApi.FromAssembly(typeof(Hug.Tests.Http.Addition).Assembly));
        Assert.Matches(@"^\w+\.\w+: ", error.Message);
    }

    [Fact]
    public void AddTypeRegistersOnlyAttributedMethods()
    {
        var api = new HugApi().AddType(typeof(InstanceApi)).AddType(typeof(Greeter)).AddType(typeof(Hug.Tests.Http.Addition));
        Assert.Equal(["InstanceApi.Now", "Addition.Add"], api.Endpoints.Select(e => e.DisplayName));
    }

    [Fact]
    public void RoutersAreImmutable()
    {
        var api = new HugApi();
        var root = api.Http;
        var versioned = root.Versions(2).Status(201).Examples("a=1");
        Assert.Empty(root.Options.Versions);
        Assert.Null(root.Options.Status);
        Assert.Equal([2], versioned.Options.Versions.ToArray());
        Assert.Equal(201, versioned.Options.Status);
        Assert.NotEqual(root, versioned);
        Assert.Equal(versioned, root.Versions(2).Status(201).Examples("a=1"));
    }

    [Fact]
    public void OptionsKeepTheirOwnCopyOfEachList()
    {
        string[] urls = ["/a"], groups = ["users"];
        int[] versions = [1];
        var http = new HttpRouteOptions { Urls = urls, Versions = versions };
        var cli = new CliCommandOptions { Groups = groups };
        urls[0] = "/changed";
        versions[0] = 9;
        groups[0] = "changed";
        Assert.Equal(["/a"], http.Urls);
        Assert.Equal([1], http.Versions);
        Assert.Equal(["users"], cli.Groups);
        Assert.Throws<ArgumentNullException>(() => new CliCommandOptions { Groups = null! });
    }

    [Fact]
    public async Task FluentRegistrationServesStaticInstanceAndLambdas()
    {
        var greeter = new Greeter("Hello");
        await using var server = await HugServer.StartAsync(api => api.Http
            .Get("/add", Hug.Tests.Http.Addition.Add)
            .Get("/greet", greeter.Greet)
            .Post("/double", (int n) => n * 2)
            .Versions(2).Get("/v2-only", () => "two"));
        Assert.Equal("3", await server.Client.GetStringAsync("/add?number_1=1&number_2=2"));
        Assert.Equal("\"Hello, Ann\"", await server.Client.GetStringAsync("/greet?name=Ann"));
        Assert.Equal("8", await (await server.Client.PostAsync("/double?n=4", null)).Content.ReadAsStringAsync());
        Assert.Equal("\"two\"", await server.Client.GetStringAsync("/v2/v2-only"));
    }

    [Fact]
    public async Task AMethodMayHaveSeveralRoutes()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(MultiRoute)));
        Assert.Equal("1", await server.Client.GetStringAsync("/one"));
        Assert.Equal("1", await server.Client.GetStringAsync("/uno"));
        Assert.Equal("1", await (await server.Client.PostAsync("/one", null)).Content.ReadAsStringAsync());
        Assert.Equal("\"get-user-by-id 5\"", await server.Client.GetStringAsync("/get-user-by-id?id=5"));
    }

    [Fact]
    public void DuplicateRouteIsAStartupErrorNamingBothMethods()
    {
        var api = new HugApi().AddType(typeof(Duplicates));
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("Duplicates.Second", error.Message);
        Assert.Contains("Duplicates.First", error.Message);
        Assert.Contains("GET /same", error.Message);
    }

    [Fact]
    public void AmbiguousTemplatesAreAStartupError()
    {
        var api = new HugApi();
        api.Http.Get("/u/{id}", (int id) => id).Get("/u/{name}", (string name) => name);
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("ambiguous", error.Message);
    }

    [Fact]
    public void ConflictingOptionIsAStartupErrorNamingTheMethod()
    {
        var error = Assert.Throws<HugConfigurationException>(() => new HugApi().AddType(typeof(Conflicting)));
        Assert.Contains("Conflicting.Both", error.Message);
        Assert.Contains("Methods", error.Message);
    }

    [Theory]
    [InlineData(typeof(BadUrl), "must start with '/'")]
    [InlineData(typeof(BadStatus), "'Status' is 42")]
    [InlineData(typeof(BadVersion), "version 0")]
    [InlineData(typeof(BadMethod), "unknown HTTP method 'FETCH'")]
    [InlineData(typeof(TwiceMethod), "names GET twice")]
    [InlineData(typeof(RefParameter), "ref/out")]
    public void InvalidOptionsAreStartupErrors(Type type, string message)
    {
        var error = Assert.Throws<HugConfigurationException>(() => new HugApi().AddType(type));
        Assert.Contains(type.Name + ".", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void MethodNamesAreTrimmedAndUpperCased() =>
        Assert.Equal(["POST", "GET"], new HugApi().AddType(typeof(LooseMethods)).Endpoints.Single().Http.Single().Methods);

    [Fact]
    public void UnsupportedParameterTypeIsAStartupErrorNamingMethodAndParameter()
    {
        var api = new HugApi().AddType(typeof(Unsupported));
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("Unsupported.Take", error.Message);
        Assert.Contains("'callback'", error.Message);
    }

    [Fact]
    public void RouteParameterMustMatchAMethodParameter()
    {
        var api = new HugApi();
        api.Http.Get("/items/{itemId}", (int id) => id);
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("{itemId}", error.Message);
    }

    [Fact]
    public void RegisteringAfterServingIsRefused()
    {
        var api = new HugApi().AddType(typeof(Hug.Tests.Http.Addition));
        _ = HugWebHost.Build(api, urls: "http://127.0.0.1:0");
        Assert.Throws<InvalidOperationException>(() => api.Http.Get("/late", () => 1));
    }

    public static class MultiRoute
    {
        [Get("/one"), Get("/uno"), Post("/one")]
        public static int One() => 1;

        [Get]
        public static string GetUserByIdAsync(int id) => $"get-user-by-id {id}";
    }

    // These types test the start-up checks (what an assembly the generator did not run on meets);
    // the generator reports the same mistakes at build time, silenced here.
#pragma warning disable HUG002
    public static class Duplicates
    {
        [Get("/same")] public static int First() => 1;
        [Get("/same")] public static int Second() => 2;
    }
#pragma warning restore HUG002

    public static class Conflicting
    {
        [Get(Methods = ["POST"])] public static int Both() => 1;
    }

    public static class BadUrl { [Get("nope")] public static int Take() => 1; }
    public static class BadStatus { [Get(Status = 42)] public static int Take() => 1; }
    public static class BadVersion { [Get(Versions = [0])] public static int Take() => 1; }
    public static class BadMethod { [Http(Methods = ["FETCH"])] public static int Take() => 1; }
    public static class TwiceMethod { [Http(Methods = ["get", " GET "])] public static int Take() => 1; }
    public static class LooseMethods { [Http("/loose", Methods = [" post", "Get"])] public static int Take() => 1; }
#pragma warning disable HUG003
    public static class RefParameter { [Get] public static int Take(ref int n) => n; }
#pragma warning restore HUG003
    public static class Unsupported { [Get] public static int Take(Action callback) => 1; }
}
