extern alias AdditionExample;
using Addition = AdditionExample::Addition;

namespace Hug.Tests.Use;

/// <summary>The README's "Use" snippet, run as written (Examples/ReadmeTests checks the README holds it verbatim).</summary>
public sealed class ReadmeUseTests
{
    [Fact]
    public async Task TheUseSnippetRuns()
    {
        #region README: Use
        var api = HugApi.FromAssembly(typeof(Addition).Assembly);
        await using IHugClient client = HugClient.Local(api);                                   // in process, through the pipeline
        // await using IHugClient client = HugClient.Http(new Uri("http://localhost:8000"), api);        // over HTTP
        // await using IHugClient client = HugClient.WebSocket(new Uri("ws://localhost:8000/calls"), api); // as WebSocket calls

        int sum = await client.CallAsync(Addition.Add, 1, 2);                  // typed: the method is the contract
        HugResponse raw = await client.RequestAsync("add", new { number_1 = 1, number_2 = "x" }); // untyped, like hug
        // raw.Status == 400, raw.Errors["number_2"] == ["Invalid whole number provided"]
        #endregion

        Assert.Equal(3, sum);
        Assert.Equal(400, raw.Status);
        Assert.Equal(["Invalid whole number provided"], raw.Errors["number_2"]);
    }
}
