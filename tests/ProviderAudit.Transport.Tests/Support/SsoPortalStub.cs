using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProviderAudit.GatewayEmulator;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>
/// A loopback stand-in for the AWS SSO portal's <c>GET /federation/credentials</c>, reached by AWSSDK.SSO through
/// <c>AWS_ENDPOINT_URL_SSO</c>: role credentials for one access token.
/// </summary>
internal sealed class SsoPortalStub : IAsyncDisposable
{
    private LoopbackHttpServer _server = null!;

    private SsoPortalStub()
    {
    }

    public Uri BaseUri => _server.BaseUri;

    public ConcurrentQueue<string> Tokens { get; } = new();

    public static async Task<SsoPortalStub> StartAsync(string accessToken, string accessKeyId, string secretAccessKey)
    {
        var stub = new SsoPortalStub();
        stub._server = await LoopbackHttpServer.StartAsync(async context =>
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
        return stub;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
