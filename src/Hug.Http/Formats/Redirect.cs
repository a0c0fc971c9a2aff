using Microsoft.AspNetCore.Http;

namespace Hug;

/// <summary>
/// A redirect returned as a value: <c>return Redirect.SeeOther("/items/5");</c> answers with the
/// status and <c>Location</c>; on the command line the location is printed.
/// </summary>
public sealed record Redirect(string Location, int Status) : IResult
{
    /// <summary>301 Moved Permanently.</summary>
    public static Redirect Permanent(string location) => new(location, StatusCodes.Status301MovedPermanently);

    /// <summary>302 Found.</summary>
    public static Redirect Found(string location) => new(location, StatusCodes.Status302Found);

    /// <summary>303 See Other (after a POST, fetch this with GET).</summary>
    public static Redirect SeeOther(string location) => new(location, StatusCodes.Status303SeeOther);

    /// <summary>307 Temporary Redirect (same method).</summary>
    public static Redirect Temporary(string location) => new(location, StatusCodes.Status307TemporaryRedirect);

    /// <summary>308 Permanent Redirect (same method).</summary>
    public static Redirect PermanentSameMethod(string location) => new(location, StatusCodes.Status308PermanentRedirect);

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        httpContext.Response.Headers.Location = Location;
        httpContext.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => Location;
}
