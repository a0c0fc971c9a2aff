using Hug.Cli;

namespace Hug.Hosting;

/// <summary>Runs an API's command line: its commands and <c>serve</c>.</summary>
internal static class HugCommandLine
{
    public static Task<int> RunAsync(HugApi api, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        CliApplication application;
        try
        {
            application = new CliApplication(api, output, error, args);
        }
        catch (HugConfigurationException exception)
        {
            error.WriteLine(exception.Message);
            return Task.FromResult(CliExitCodes.Failure);
        }
        Task<int> run;
        try
        {
            run = application.RunAsync(args, cancellationToken);
        }
        catch
        {
            application.Dispose();
            throw;
        }
        if (!run.IsCompleted) return DisposeAfterAsync(run, application);
        application.Dispose();
        return run;
    }

    private static async Task<int> DisposeAfterAsync(Task<int> run, CliApplication application)
    {
        using (application) return await run;
    }
}
