using System.Text.Json;
using Hug.Tests.Support;

namespace Hug.Tests.Use;

/// <summary>
/// An error answer says what it was (issue 33, point 7): a <see cref="HugCallException"/>'s message carries the answer's
/// body on every client, and a refusal's problem body has a <c>detail</c>, which generated clients (Kiota's) show.
/// </summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    public sealed class MissingThing(int id) : Exception($"No note {id}");

    public static class Things
    {
        [Get, SocketCall]
        public static string Find(int id) => throw new MissingThing(id);

        [Get, SocketCall, Requires("token")]
        public static string Secret() => "s";
    }

    private readonly HugApi api = new HugApi()
        .AddType(typeof(Things))
        .AddRequirement("token", Authentication.Bearer(token => token == "t" ? "holder" : null));

    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        api.OnException<MissingThing>((exception, call) => new ErrorResponse(404, exception.Message));
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("Local"), InlineData("HTTP"), InlineData("WebSocket")]
    public async Task AnExceptionsMessageCarriesTheAnswersBody(string kind)
    {
        await using var client = server.ClientOf(kind, api);
        var failure = await Assert.ThrowsAsync<HugCallException>(() => client.CallAsync(Things.Find, 999));
        Assert.Equal(404, failure.Status);
        Assert.Equal("Things.Find: the call was answered with status 404: No note 999", failure.Message);
    }

    [Fact]
    public async Task ARefusalHasADetail()
    {
        var (response, body) = await server.GetJsonAsync("/secret");
        Assert.Equal(401, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.Equal(body.GetProperty("detail").GetString(), body.GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
    }
}
