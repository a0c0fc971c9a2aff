using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Hug.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hug.Tests.Auth;

/// <summary>ASP.NET Core authentication and authorization policies as Hug requirements.</summary>
public sealed class PolicyTests
{
    [Fact]
    public async Task PolicyRequirementUsesTheAppsAuthentication()
    {
        var api = new HugApi().AddRequirement("admins", Authentication.Policy("Admins")).AddType(typeof(Admin));
        await using var server = await AppServer.StartAsync(builder =>
        {
            builder.Services.AddAuthentication("Header").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Header", null);
            builder.Services.AddAuthorization(options => options.AddPolicy("Admins", policy => policy.RequireRole("admin")));
            builder.Services.AddHug(api);
        }, app =>
        {
            app.UseAuthentication();
            app.MapHug();
        });
        var client = server.Client;

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin")).StatusCode);
        var user = new HttpRequestMessage(HttpMethod.Get, "/admin");
        user.Headers.Add("X-User", "bob");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(user)).StatusCode);
        var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
        admin.Headers.Add("X-User", "root");
        var response = await client.SendAsync(admin);
        Assert.Equal("\"root is admin\"", await response.Content.ReadAsStringAsync());
    }

    public static class Admin
    {
        [Get("/admin"), Requires("admins")]
        public static string Check([User] ClaimsPrincipal user) => $"{user.Identity!.Name} is {(user.IsInRole("admin") ? "admin" : "not admin")}";
    }

    /// <summary>Authenticates whoever the X-User header names; "root" is an admin.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers["X-User"].FirstOrDefault() is not { } name) return Task.FromResult(AuthenticateResult.NoResult());
            Claim[] claims = name == "root" ? [new(ClaimTypes.Name, name), new(ClaimTypes.Role, "admin")] : [new(ClaimTypes.Name, name)];
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
        }
    }
}
