using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>Runs requirements over HTTP; the first failure is answered (401 with its challenge, 403, …).</summary>
internal static class RequirementCheck
{
    public static async ValueTask<bool> MeetsAsync(HttpContext http, CallContext call, IReadOnlyList<Requirement> requirements)
    {
        foreach (var requirement in requirements)
        {
            var result = await requirement.CheckAsync(call);
            if (result.Succeeded) continue;
            if (result.Challenge is not null) http.Response.Headers.WWWAuthenticate = result.Challenge;
            await Problem.One(result.Status, result.Title, result.Title, result.Message).WriteAsync(http);
            return false;
        }
        return true;
    }
}
