using Hug.Cli;

namespace Hug.Hosting;

/// <summary>Runs an API's command line: its commands and <c>serve</c>.</summary>
internal static class HugCommandLine
{
    public static async Task<int> RunAsync(HugApi api, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        CliApplication application;
        try
        {
            application = new CliApplication(api, output, error, args);
        }
        catch (HugConfigurationException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return CliExitCodes.Failure;
        }
        using (application)
            return await application.RunAsync(args, cancellationToken);
    }
}
