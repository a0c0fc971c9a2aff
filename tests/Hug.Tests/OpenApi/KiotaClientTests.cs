using Hug.Tests.Support;

namespace Hug.Tests.OpenApi;

/// <summary>
/// Typed clients without a reference to the APIs' assemblies: Kiota generates them from the documents <c>serve</c>
/// publishes, and one program calls the running examples (real processes): results, records, lists, credentials, and
/// a 400's errors read from the generated problem type.
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

    // What a user writes against the generated clients: no Hug, no reference to the examples.
    private const string Program = """
        using System.Text;
        using Microsoft.Kiota.Abstractions;
        using Microsoft.Kiota.Abstractions.Authentication;
        using Microsoft.Kiota.Abstractions.Serialization;
        using Microsoft.Kiota.Http.HttpClientLibrary;

        static HttpClientRequestAdapter Adapter(string address) => new(new AnonymousAuthenticationProvider()) { BaseUrl = address };

        var addition = new Addition.Client.AdditionClient(Adapter(args[0]));
        Console.WriteLine($"add: {await addition.Add.GetAsync(r => { r.QueryParameters.Number1 = 1; r.QueryParameters.Number2 = 2; })}");
        try
        {
            await addition.Add.GetAsync(r => r.QueryParameters.Number1 = 1);
        }
        catch (Addition.Client.Models.HttpValidationProblemDetails problem)
        {
            var messages = (UntypedArray)problem.Errors!.AdditionalData["number_2"];
            Console.WriteLine($"add error: {problem.ResponseStatusCode} {string.Join(",", messages.GetValue().Select(m => ((UntypedString)m).GetValue()))}");
        }

        var accounts = new Auth.Client.AuthClient(Adapter(args[1]));
        Console.WriteLine($"ping: {await accounts.Ping.GetAsync()}");
        try
        {
            await accounts.Hello.GetAsync();
        }
        catch (ApiException refused)
        {
            Console.WriteLine($"hello anonymous: {refused.ResponseStatusCode} {refused.Message}");
        }
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:s3cret"));
        Console.WriteLine($"hello: {await accounts.Hello.GetAsync(r => r.Headers.Add("Authorization", basic))}");
        Console.WriteLine($"secret: {await accounts.Secret.GetAsync(r => r.Headers.Add("X-Api-Key", "k-123"))}");
        var me = await accounts.Me.GetAsync(r => r.Headers.Add("Authorization", "Bearer t-456"));
        Console.WriteLine($"me: {me!.Name}");

        var library = new Library.Client.LibraryClient(Adapter(args[2]));
        var book = await library.Book.GetAsync(request => request.QueryParameters.Title = "Emma");
        Console.WriteLine($"book: {book!.Title}|{book.Author}|{book.Year}");
        var arrivals = await library.Arrivals.GetAsync(request => request.QueryParameters.Count = 2);
        Console.WriteLine("arrivals: " + string.Join(",", arrivals!.Select(b => b.Title)));
        try
        {
            await library.Files[".hidden"].GetAsync();
        }
        catch (ApiException exception)
        {
            Console.WriteLine($"file error: {exception.ResponseStatusCode} {exception.GetType().Name}");
        }
        """;

    [KiotaFact]
    public async Task ClientsGeneratedFromTheServedDocumentsCallTheExamples()
    {
        var examples = new[] { ("Addition", "AdditionClient"), ("Auth", "AuthClient"), ("Formats", "LibraryClient") };
        var servers = examples.Select(e => ExampleProcess.Serve(e.Item1)).ToList();
        var directory = Directory.CreateTempSubdirectory("hug-kiota-").FullName;
        try
        {
            var addresses = new List<string>();
            foreach (var ((example, client), server) in examples.Zip(servers))
            {
                var address = await server.WaitForAddressAsync();
                addresses.Add(address.ToString());
                var document = Path.Combine(directory, example + ".json");
                using (var http = new HttpClient { BaseAddress = address })
                    await File.WriteAllTextAsync(document, await http.GetStringAsync("/openapi/v1.json"));
                var space = client[..^"Client".Length] + ".Client";
                var (generated, generation) = await Kiota.RunAsync("generate", "-l", "CSharp", "-d", document,
                    "-o", Path.Combine(directory, example), "-c", client, "-n", space, "--log-level", "Warning");
                Assert.True(generated == 0, generation);
            }
            await File.WriteAllTextAsync(Path.Combine(directory, "Clients.csproj"), Project);
            await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Program);
            var (built, build) = await Processes.RunAsync("dotnet", ["build", "-v", "q", "-nologo", "-o", Path.Combine(directory, "out")], directory);
            Assert.True(built == 0, build);
            var (ran, output) = await Processes.RunAsync("dotnet", [Path.Combine(directory, "out", "Clients.dll"), .. addresses], directory, TimeSpan.FromMinutes(1));
            Assert.True(ran == 0, output);
            foreach (var line in new[]
            {
                "add: 3", "add error: 400 Required parameter 'number_2' not supplied",
                "ping: pong", "hello anonymous: 401 Please provide valid Basic HTTP Authentication credentials", "hello: Hello, ann", "secret: the secret, for key holder", "me: token holder",
                "book: Emma|Frank Herbert|1965", "arrivals: Volume 1,Volume 2", "file error: 400 HttpValidationProblemDetails",
            })
                Assert.True(output.Contains(line, StringComparison.Ordinal), $"missing '{line}' in:\n{output}");
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
