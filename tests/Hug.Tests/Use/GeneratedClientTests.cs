using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Hug.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Use;

/// <summary>A service: built from the container (its constructor takes one), never sent by a caller.</summary>
public sealed class Shelf(IServiceProvider services)
{
    public IServiceProvider Services => services;

    public List<string> Items { get; } = ["rice", "lentils"];
}

/// <summary>An API whose methods take services, directives and the token beside what a caller supplies.</summary>
public static class Pantry
{
    /// <summary>Puts an item on the shelf</summary>
    [Post, SocketCall]
    public static string Stock([Required, StringLength(20)] string item, Shelf shelf, IWebSocketHub hub, HugInterfaces via, CancellationToken cancellationToken, string? note = null, int count = 1)
    {
        shelf.Items.Add(item);
        return $"{count} × {item}{(note is null ? "" : $" ({note})")}";
    }

    /// <summary>What is on the shelf, item by item</summary>
    [Get, SocketCall]
    public static async IAsyncEnumerable<string> Items(Shelf shelf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in shelf.Items.ToList())
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>How many items there are</summary>
    [Get, SocketCall]
    public static Task<int> Count(Shelf shelf) => Task.FromResult(shelf.Items.Count);
}

/// <summary>
/// The typed client the generator writes per class (issue 33, point 5): <c>new PantryClient(client).StockAsync("beans")</c>
/// names what a caller supplies and nothing else (no service, directive or token placeholders), optional parameters can be
/// left out, the compiler checks the types, and it works through every client.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private readonly HugApi api = Api();
    private HugServer server = null!;

    private static HugApi Api()
    {
        var api = new HugApi().AddType(typeof(Pantry));
        api.Services.AddSingleton<Shelf>();
        return api;
    }

    public async Task InitializeAsync() => server = await HugServer.StartAsync(api);

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IHugClient Client(string kind) => server.ClientOf(kind, api);

    [Theory]
    [InlineData("Local"), InlineData("HTTP"), InlineData("WebSocket")]
    public async Task TheGeneratedClientTakesOnlyWhatACallerSupplies(string kind)
    {
        await using var client = Client(kind);
        var pantry = new PantryClient(client);
        Assert.Equal("1 × beans", await pantry.StockAsync("beans"));
        Assert.Equal("2 × oats (rolled)", await pantry.StockAsync("oats", note: "rolled", count: 2));
        Assert.True(await pantry.CountAsync() >= 4);
        var items = new List<string>();
        await foreach (var item in pantry.ItemsAsync()) items.Add(item);
        Assert.Equal(["rice", "lentils"], items.Take(2));
        var invalid = await Assert.ThrowsAsync<HugValidationException>(() => pantry.StockAsync(""));
        Assert.Contains("item", invalid.Errors.Keys);
    }

    [Fact]
    public void ItsMethodsHaveNoParameterForWhatHugFills()
    {
        var stock = typeof(PantryClient).GetMethod(nameof(PantryClient.StockAsync))!;
        Assert.Equal(["item", "note", "count", "cancellationToken"], stock.GetParameters().Select(p => p.Name));
        Assert.Equal(["cancellationToken"], typeof(PantryClient).GetMethod(nameof(PantryClient.CountAsync))!.GetParameters().Select(p => p.Name));
    }
}
