using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>
/// A loopback stand-in for the AWS SSO portal's <c>GET /federation/credentials</c>, reached by AWSSDK.SSO through
/// <c>AWS_ENDPOINT_URL_SSO</c>: role credentials for one access token.
/// </summary>
internal sealed class SsoPortalStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SsoPortalStub(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<string> Tokens { get; } = new();

    public static async Task<SsoPortalStub> StartAsync(string accessToken, string accessKeyId, string secretAccessKey)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new SsoPortalStub(app);
        app.Run(async context =>
        {
            var token = context.Request.Headers["x-amz-sso_bearer_token"].ToString();
            stub.Tokens.Enqueue(token);
            if (context.Request.Path != "/federation/credentials" || token != accessToken)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("""{"message":"Session token not found or invalid"}""");
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                roleCredentials = new
                {
                    accessKeyId,
                    secretAccessKey,
                    sessionToken = "sso-session-token",
                    expiration = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds(),
                },
            }));
        });
        await app.StartAsync();
        stub.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
