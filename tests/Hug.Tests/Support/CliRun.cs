namespace Hug.Tests.Support;

/// <summary>Runs an API's command line in-process with captured writers.</summary>
public static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(HugApi api, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await api.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static Task<(int Exit, string Output, string Error)> RunAsync(Type type, params string[] args) =>
        RunAsync(new HugApi().AddType(type), args);
}
