using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>
/// Requirements answered over HTTP: the connect-time check of WebSocket endpoint classes (calls run the
/// pipeline, which answers a refusal through <see cref="RefuseAsync"/> too).
/// </summary>
internal static class RequirementCheck
{
    public static async ValueTask<bool> MeetsAsync(HttpContext http, CallContext call, IReadOnlyList<Requirement> requirements)
    {
        foreach (var requirement in requirements)
        {
            var result = await requirement.CheckAsync(call);
            if (result.Succeeded) continue;
            await RefuseAsync(http, result);
            return false;
        }
        return true;
    }

    /// <summary>A refusal as HTTP answers it: its status, its challenge in <c>WWW-Authenticate</c>, a problem body naming it.</summary>
    public static Task RefuseAsync(HttpContext http, RequirementResult refusal)
    {
        if (refusal.Challenge is not null) http.Response.Headers.WWWAuthenticate = refusal.Challenge;
        // The message also as the problem's detail: clients generated from the OpenAPI document (Kiota's, NSwag's) show detail.
        return (Problem.One(refusal.Status, refusal.Title, refusal.Title, refusal.Message) with { Detail = refusal.Message }).WriteAsync(http).AsTask();
    }
}
