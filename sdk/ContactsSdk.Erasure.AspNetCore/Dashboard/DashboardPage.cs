using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// One dashboard page: the shared frame (navigation, the inline stylesheet) around a body, sent as
/// <c>text/html</c> that no cache keeps and that runs no script (its content security policy allows none).
/// </summary>
internal sealed class DashboardPage(DashboardLinks links, string title, Action<Html> body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var page = new Html();
        page.Add($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Add($"<title>{title} · Erasures</title>");
        AddStylesheet(page);
        page.Add($"</head><body>");
        page.Add($"<header><strong>Erasures</strong><a href=\"{links.Overview}\">Overview</a><a href=\"{links.Submit}\">Submit an erasure</a>");
        page.Add($"<span>Signed in as {httpContext.User.Identity?.Name}</span></header><main><h1>{title}</h1>");
        body(page);
        page.Add($"</main></body></html>");

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        await response.WriteAsync(page.ToString(), httpContext.RequestAborted).ConfigureAwait(false);
    }

    // Small and inline (no asset pipeline), written as markup: a style element's text is never
    // entity-decoded. Below 40rem, tables become one card per row so nothing scrolls sideways; linked
    // request IDs and receipts wrap anywhere (words elsewhere only when they cannot fit a line).
    private static void AddStylesheet(Html page) => page.Add($$"""
        <style>
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;color:#1b1f24;background:#f6f7f9;overflow-wrap:break-word}
        td a,pre{overflow-wrap:anywhere}
        header{background:#1f3a5f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
        header a{color:#fff}
        header strong{margin-right:auto}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        section{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:.8rem 1rem;margin:0 0 1rem}
        h1{font-size:1.4rem;margin:.2rem 0 1rem}
        h2{font-size:1.1rem;margin:.2rem 0 .6rem}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
        th{font-weight:600;background:#f0f2f5}
        .overdue{color:#a4161a;font-weight:600}
        .at-risk{color:#8a5a00;font-weight:600}
        .ok{color:#1e6b2f;font-weight:600}
        .error{background:#fdecea;border-color:#f1aeb5;color:#842029}
        form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        label{display:block;font-weight:600;margin:.5rem 0 .2rem}
        input,textarea,button{font:inherit;max-width:100%}
        input[type=text],input[type=datetime-local],textarea{width:100%;padding:.35rem;border:1px solid #b8c0c8;border-radius:4px}
        form.inline input[type=text]{width:auto;flex:1 1 12rem}
        button{padding:.4rem .9rem;border:0;border-radius:4px;background:#1f5fa8;color:#fff;cursor:pointer}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f2f5;padding:.6rem;border-radius:4px;font-size:.85rem}
        dl.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:0}
        dl.counts div{flex:1 1 7.5rem;border:1px solid #e4e7eb;border-radius:4px;padding:.3rem .6rem}
        dt{font-size:.85rem;color:#57606a}
        dd{margin:0;font-size:1.3rem;font-weight:600}
        .hint{color:#57606a;font-size:.9rem}
        @media (max-width:40rem){
          table,thead,tbody,tr,th,td{display:block}
          thead{display:none}
          tr{border:1px solid #e4e7eb;border-radius:4px;margin:0 0 .5rem;padding:.2rem 0}
          td{border:0;padding:.15rem .5rem}
          td[data-label]::before{content:attr(data-label);font-weight:600;margin-right:.5em}
        }
        </style>
        """);
}
