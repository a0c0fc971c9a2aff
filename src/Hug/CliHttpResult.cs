using Microsoft.AspNetCore.Http;
using Hug.Formats;
using Microsoft.AspNetCore.WebUtilities;

using Hug.Cli;

namespace Hug;

/// <summary>
/// An ASP.NET Core <c>IResult</c> returned to the command line (<c>Results.Ok(x)</c>, <c>TypedResults.NotFound()</c>):
/// its value printed as any result, a non-2xx status on stderr with exit code 1. Here, not in Hug.Cli, which
/// cannot see ASP.NET Core; a command whose result is no <c>IResult</c> never loads these types.
/// </summary>
internal static class CliHttpResult
{
    /// <summary>Whether <paramref name="type"/> is or implements <c>IResult</c> (by name: asking costs a plain result no assembly load).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "Trimming drops an interface only where the program never uses it; ASP.NET Core uses IResult wherever results are.")]
    public static bool IsResultType(Type type)
    {
        if (type.IsValueType || type == typeof(string)) return false;
        if (type.FullName == "Microsoft.AspNetCore.Http.IResult") return true;
        foreach (var candidate in type.GetInterfaces())
            if (candidate.FullName == "Microsoft.AspNetCore.Http.IResult") return true;
        return false;
    }

    public static int Print(object result, CliSession session)
    {
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var value = (result as IValueHttpResult)?.Value;
        var text = value is null ? null : PlainText.Format(value, value.GetType(), session.Options);
        if (status is >= 200 and < 300)
        {
            if (text is not null) session.Output.WriteLine(text);
            return CliExitCodes.Success;
        }
        session.Error.WriteLine($"{status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd());
        if (text is not null) session.Error.WriteLine(text);
        return CliExitCodes.Failure;
    }
}
