using Hug.Tests.Support;

namespace Hug.Tests.Auth;

/// <summary>Requirements and directives on the command line.</summary>
public sealed class AuthCliTests
{
    private static Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var api = new HugApi().AddType(typeof(Accounts));
        Accounts.Configure(api);
        return CliRun.RunAsync(api, args);
    }

    [Fact]
    public async Task CredentialsFromOptions()
    {
        var (exit, output, error) = await Run("hello");
        Assert.Equal((1, ""), (exit, output));
        Assert.Equal("Authentication Required: Please provide valid Basic HTTP Authentication credentials\n", error);
        var wrong = await Run("hello", "--username", "ann", "--password", "nope");
        Assert.Equal(1, wrong.Exit);
        Assert.Equal("Invalid Authentication: Provided Basic HTTP Authentication credentials were invalid\n", wrong.Error);
        Assert.Equal((0, "Hello, ann\n"), ((await Run("hello", "--username", "ann", "--password", "s3cret")) is var ok ? (ok.Exit, ok.Output) : default));
        Assert.Equal("the secret, for key holder\n", (await Run("secret", "--api-key", "k-123")).Output);
        Assert.Contains("\"name\": \"token holder\"", (await Run("me", "--token", "t-456")).Output);
    }

    [Fact]
    public async Task HelpDocumentsCredentialOptionsAndVariables()
    {
        var (_, output, _) = await Run("hello", "--help");
        Assert.Contains("--username", output);
        Assert.Contains("(or HUG_USERNAME)", output);
        Assert.Contains("--password", output);
        Assert.Contains("(or HUG_API_KEY)", (await Run("secret", "--help")).Output);
        Assert.DoesNotContain("--username", (await Run("ping", "--help")).Output);
    }

    [Fact]
    public async Task HttpOnlyRequirementLeavesTheCommandLineFree()
    {
        var (exit, output, _) = await Run("work");
        Assert.Equal((0, "working for nobody via Cli\n"), (exit, output));
    }

    [Fact]
    public async Task UnknownRequirementOrDirectiveIsAStartupError()
    {
        var (exit, _, error) = await CliRun.RunAsync(new HugApi().AddType(typeof(Accounts)), "ping");
        Assert.Equal(1, exit);
        Assert.Contains("Accounts.Hello", error);
        Assert.Contains("[Requires(\"basic\")]", error);

        var api = new HugApi();
        api.Cli.Command("tenant", ([Directive("tenant")] string tenant) => tenant);
        (exit, _, error) = await CliRun.RunAsync(api, "tenant");
        Assert.Equal(1, exit);
        Assert.Contains("directive 'tenant'", error);
    }

    [Fact]
    public async Task CustomRequirementFailsWithExitOne()
    {
        var api = new HugApi();
        api.Cli.Requires(Requirement.From("Never", _ => false, "Not today")).Command("try", () => "ran");
        var (exit, output, error) = await CliRun.RunAsync(api, "try");
        Assert.Equal((1, "", "Forbidden: Not today\n"), (exit, output, error));
    }

    [Fact]
    public async Task EnvironmentVariablesCarryCredentials()
    {
        await using var example = ExampleProcess.Start("Auth", new Dictionary<string, string> { ["HUG_TOKEN"] = "t-456" }, "me");
        Assert.Equal(0, await example.WaitForExitAsync());
        Assert.Contains("\"name\": \"token holder\"", example.Output);
        await using var refused = ExampleProcess.Start("Auth", null, "me");
        Assert.Equal(1, await refused.WaitForExitAsync());
        Assert.Contains("Please provide valid Bearer Token Authentication credentials", refused.Error);
    }
}
