using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Hug;

/// <summary>Requirements only HTTP can check: ASP.NET Core's authorization policies.</summary>
public static class HttpAuthentication
{
    extension(Authentication)
    {
        /// <summary>
        /// An ASP.NET Core authorization policy (cookies, JWT bearer, … configured on the app); HTTP only.
        /// The user is then the request's <c>ClaimsPrincipal</c>.
        /// </summary>
        public static Requirement Policy(string policyName) => new PolicyRequirement(policyName) { Interfaces = HugInterfaces.Http };
    }
}

/// <summary>An ASP.NET Core authorization policy, evaluated with the app's IAuthorizationService.</summary>
internal sealed class PolicyRequirement(string policy) : Requirement
{
    public override string Description => $"Authorization policy '{policy}'";

    public override async ValueTask<RequirementResult> CheckAsync(CallContext context)
    {
        var http = context.HttpContext!;
        var authorization = http.RequestServices.GetService<IAuthorizationService>()
            ?? throw new InvalidOperationException($"Requirement {Description} needs services.AddAuthorization().");
        var result = await authorization.AuthorizeAsync(http.User, null, policy);
        if (result.Succeeded)
        {
            context.User = http.User;
            return RequirementResult.Success();
        }
        return http.User.Identity?.IsAuthenticated == true
            ? RequirementResult.Fail(403, "Forbidden", $"The authorization policy '{policy}' denied the request")
            : RequirementResult.Fail(401, "Authentication Required", $"The authorization policy '{policy}' requires an authenticated user",
                http.RequestServices.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is null ? null : "Bearer");
    }
}
