extern alias AdditionExample;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using AdditionProgram = AdditionExample::Program;

namespace Hug.Tests.Use;

/// <summary>ASP.NET Core's own integration testing on an app whose Program is <c>return HugApi.Run(args);</c>.</summary>
public sealed class WebApplicationFactoryTests
{
    [Fact]
    public async Task TheExampleRunsInWebApplicationFactory()
    {
        await using var factory = new WebApplicationFactory<AdditionProgram>();
        using var http = factory.CreateClient();
        Assert.Equal("3", await http.GetStringAsync("/add?number_1=1&number_2=2"));
        using var invalid = await http.GetAsync("/add?number_1=x&number_2=2");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        // The same app through Hug's HTTP client, on the factory's in-memory server.
        await using var client = HugClient.Http(factory.CreateClient());
        Assert.Equal(5, await client.CallAsync(AdditionExample::Addition.Add, 2, 3));
    }
}
