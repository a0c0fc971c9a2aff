using Hug.Tests.Support;

namespace Hug.Tests.OpenApi;

/// <summary>
/// A typed client without a reference to the API's assembly: Kiota generates it from the document <c>serve</c>
/// publishes, and it calls the running example (a real process) for records, lists and errors.
/// </summary>
public sealed class KiotaClientTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <NoWarn>$(NoWarn);CS1591;CS8618</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" />
            <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />
          </ItemGroup>
        </Project>
        """;

    // What a user writes against the generated client: no Hug, no reference to the example.
    private const string Program = """
        using Microsoft.Kiota.Abstractions;
        using Microsoft.Kiota.Abstractions.Authentication;
        using Microsoft.Kiota.Http.HttpClientLibrary;

        var client = new Library.Client.LibraryClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = args[0] });
        var book = await client.Book.GetAsync(request => request.QueryParameters.Title = "Emma");
        Console.WriteLine($"book: {book!.Title}|{book.Author}|{book.Year}");
        var arrivals = await client.Arrivals.GetAsync(request => request.QueryParameters.Count = 2);
        Console.WriteLine("arrivals: " + string.Join(",", arrivals!.Select(b => b.Title)));
        try
        {
            await client.Files[".hidden"].GetAsync();
        }
        catch (ApiException exception)
        {
            Console.WriteLine($"error: {exception.ResponseStatusCode} {exception.GetType().Name}");
        }
        """;

    [KiotaFact]
    public async Task AClientGeneratedFromTheServedDocumentCallsTheApi()
    {
        await using var server = ExampleProcess.Serve("Formats");
        var address = await server.WaitForAddressAsync();
        var directory = Directory.CreateTempSubdirectory("hug-kiota-").FullName;
        try
        {
            using (var http = new HttpClient { BaseAddress = address })
                await File.WriteAllTextAsync(Path.Combine(directory, "openapi.json"), await http.GetStringAsync("/openapi/v1.json"));
            var (generated, generation) = await Kiota.RunAsync("generate", "-l", "CSharp", "-d", Path.Combine(directory, "openapi.json"),
                "-o", Path.Combine(directory, "Client"), "-c", "LibraryClient", "-n", "Library.Client", "--log-level", "Warning");
            Assert.True(generated == 0, generation);
            await File.WriteAllTextAsync(Path.Combine(directory, "LibraryApp.csproj"), Project);
            await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Program);
            var (built, build) = await Kiota.RunAsync("dotnet", ["build", "-v", "q", "-nologo", "-o", Path.Combine(directory, "out")], directory);
            Assert.True(built == 0, build);
            var (ran, output) = await Kiota.RunAsync("dotnet", [Path.Combine(directory, "out", "LibraryApp.dll"), address.ToString()], directory, TimeSpan.FromMinutes(1));
            Assert.True(ran == 0, output);
            Assert.True(output.Contains("book: Emma|Frank Herbert|1965", StringComparison.Ordinal), output);
            Assert.True(output.Contains("arrivals: Volume 1,Volume 2", StringComparison.Ordinal), output);
            Assert.True(output.Contains("error: 400 HttpValidationProblemDetails", StringComparison.Ordinal), output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
