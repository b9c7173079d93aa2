using System;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// DEVELOPMENT ONLY: a sign-in form for the dashboard that accepts any name, with no password, into a
/// cookie session. The service enables it only in the Development environment or against its embedded
/// emulator (no tenant configured); a deployment against a tenant signs people in with its own scheme
/// (OpenID Connect, …) behind the dashboard's policy.
/// </summary>
internal static class DevelopmentSignIn
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Path = "/sign-in";
    private const int MaxNameLength = 100;

    public static AuthenticationBuilder AddDevelopmentSignIn(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, o =>
        {
            o.LoginPath = Path;
            o.Cookie.Name = "erasure-dashboard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

    public static void MapDevelopmentSignIn(this IEndpointRouteBuilder endpoints)
    {
        // The sign-in is the sample host's own development aid, not part of the erasure API's description.
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) => Form(context, antiforgery, "", returnUrl, problem: null)).ExcludeFromDescription();
        endpoints.MapPost(Path, SignInAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Form(context, antiforgery, "", null, "The form is too old or did not come from this page: sign in again.");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        if (name.Length is 0 or > MaxNameLength)
        {
            return Form(context, antiforgery, name, returnUrl, $"Give a name of 1 to {MaxNameLength} characters.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    // Only a path on this site: an absolute or protocol-relative URL would send the browser elsewhere.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string name, string? returnUrl, string? problem)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        var alert = problem is null ? "" : $"<p role=\"alert\" style=\"color:#842029\">{e.Encode(problem)}</p>";
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Erasures</title>
            <style>body{font:16px/1.45 system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem} input,button{font:inherit;width:100%;padding:.4rem;margin:.2rem 0 .8rem;box-sizing:border-box}</style>
            </head><body><h1>Sign in</h1>
            <p><strong>Development only:</strong> any name is accepted, without a password. A deployment against a tenant uses its own sign-in.</p>
            {{alert}}<form method="post" action="{{Path}}">
            <input type="hidden" name="{{e.Encode(tokens.FormFieldName)}}" value="{{e.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{e.Encode(IsLocal(returnUrl) ? returnUrl! : "/")}}">
            <label for="name">Your name</label><input id="name" name="name" required maxlength="{{MaxNameLength}}" value="{{e.Encode(name)}}">
            <button type="submit">Sign in</button></form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
