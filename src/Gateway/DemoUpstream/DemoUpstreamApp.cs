using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.DemoUpstream;

/// <summary>
/// A small shop with a login form and a JSON API, standing in for the operator's app. Failed
/// logins answer 401 so the gateway can learn failure ratios from responses.
/// </summary>
internal static class DemoUpstreamApp
{
    /// <summary>Pages answer HEAD as well (RFC 9110: a GET resource should): monitors and <c>curl -I</c> use it.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication Build(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();

        app.MapMethods("/", GetOrHead, () => Results.Content(DemoPages.Home(), "text/html; charset=utf-8"));
        app.MapMethods("/login", GetOrHead, () => Results.Content(DemoPages.LoginForm(null), "text/html; charset=utf-8"));
        app.MapPost("/login", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var username = form["username"].ToString();
            return DemoUsers.Verify(username, form["password"])
                ? Results.Content(DemoPages.Welcome(username), "text/html; charset=utf-8")
                : Results.Content(DemoPages.LoginForm("Invalid username or password."), "text/html; charset=utf-8", statusCode: 401);
        }).DisableAntiforgery();
        app.MapPost("/api/login", (LoginRequest login) =>
            DemoUsers.Verify(login.Username, login.Password)
                ? Results.Ok(new { ok = true, user = login.Username })
                : Results.Json(new { ok = false, error = "invalid credentials" }, statusCode: 401));
        app.MapMethods("/search", GetOrHead, (string? q) => Results.Content(DemoPages.SearchResults(q ?? ""), "text/html; charset=utf-8"));
        app.MapMethods("/api/products", GetOrHead, () => Results.Ok(Products));
        app.MapMethods("/api/products/{id:int}", GetOrHead, Results<Ok<Product>, NotFound> (int id) =>
            id >= 1 && id <= Products.Length ? TypedResults.Ok(Products[id - 1]) : TypedResults.NotFound());
        app.MapPost("/api/echo-size", async (HttpRequest request) =>
        {
            // Lets tests prove the gateway forwards bodies intact: the size and a digest of what arrived.
            using var sha = System.Security.Cryptography.SHA256.Create();
            var hash = await sha.ComputeHashAsync(request.Body);
            return Results.Ok(new { sha256 = Convert.ToHexString(hash) });
        });
        return app;
    }

    private static readonly Product[] Products =
    [
        new(1, "Green tea", 4.5m),
        new(2, "Oolong", 7.25m),
        new(3, "Earl Grey", 5.0m),
    ];

    internal sealed record Product(int Id, string Name, decimal Price);

    internal sealed record LoginRequest(string? Username, string? Password);
}
