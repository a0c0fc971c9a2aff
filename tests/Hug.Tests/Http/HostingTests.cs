using System.Net;
using Hug.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Http;

/// <summary>Hug inside an existing ASP.NET Core app: AddHug + MapHug next to the app's own endpoints.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task MapHugLivesBesideMinimalApis()
    {
        await using var server = await AppServer.StartAsync(builder => builder.Services.AddHug(new HugApi().AddType(typeof(Addition))), app =>
        {
            app.MapGet("/minimal", () => "minimal");
            app.MapHug();
        });
        var client = server.Client;
        Assert.Equal("minimal", await client.GetStringAsync("/minimal"));
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        var missing = await client.GetAsync("/missing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("documentation", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddHugWithoutMapHugIsAStartUpError()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrlsLoopback();
        builder.Services.AddHug(new HugApi().AddType(typeof(Addition)));
        await using var app = builder.Build();
        app.MapGet("/minimal", () => "minimal");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains("app.MapHug() was never called", error.Message);
        await app.StopAsync();
    }

    [Fact]
    public async Task MapHugConventionsApplyToEveryEndpoint()
    {
        await using var server = await AppServer.StartAsync(builder => builder.Services.AddHug(new HugApi().AddType(typeof(Addition))), app =>
        {
            app.Use(async (context, next) =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null) context.Response.Headers["X-Convention"] = "applied";
                await next(context);
            });
            app.MapHug().WithMetadata(new Marker());
        });
        var response = await server.Client.GetAsync("/add?number_1=1&number_2=2");
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
        Assert.Equal("applied", response.Headers.GetValues("X-Convention").Single());
    }

    private sealed class Marker;

    [Fact]
    public async Task DevelopmentShowsTheExceptionOtherEnvironmentsDoNot()
    {
        await using var server = await AppServer.StartAsync(builder => builder.Services.AddHug(new HugApi().AddType(typeof(Failing))),
            app => app.MapHug(), environment: "Development");
        var (response, body) = await HugServer.ReadAsync(await server.Client.GetAsync("/fail"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("secret internal detail", body.GetProperty("detail").GetString());
    }

    public static class Failing
    {
        [Get("/fail")]
        public static int Fail() => throw new InvalidOperationException("secret internal detail");
    }

    [Fact]
    public async Task ServesManyRequestsConcurrently()
    {
        await using var server = await HugServer.StartAsync(new HugApi().AddType(typeof(Addition)));
        var tasks = Enumerable.Range(0, 200).Select(async i =>
        {
            var url = i % 3 == 0 ? $"/add?number_1={i}&number_2=x" : $"/add?number_1={i}&number_2=1";
            var response = await server.Client.GetAsync(url);
            return (i, response.StatusCode, await response.Content.ReadAsStringAsync());
        });
        foreach (var (i, status, body) in await Task.WhenAll(tasks))
        {
            if (i % 3 == 0) Assert.Equal(HttpStatusCode.BadRequest, status);
            else Assert.Equal((i + 1).ToString(), body);
        }
    }
}
