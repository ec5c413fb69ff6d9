using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProviderAudit.GatewayEmulator;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>Temporary keys a stub hands out, and how often it handed them out.</summary>
internal sealed record StubKeys(string AccessKeyId, string SecretAccessKey, string SessionToken)
{
    public static StubKeys For(string name) => new(("ASIA" + name.ToUpperInvariant() + "0000000000000000")[..20], $"{name}-secret-000000000000000000000000", $"{name}-session-token");

    public object Json(string tokenField = "Token") => new Dictionary<string, object>
    {
        ["Code"] = "Success",
        ["Type"] = "AWS-HMAC",
        ["AccessKeyId"] = AccessKeyId,
        ["SecretAccessKey"] = SecretAccessKey,
        [tokenField] = SessionToken,
        ["Expiration"] = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["LastUpdated"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// A loopback container credentials endpoint (ECS / EKS Pod Identity / CodeBuild): <c>GET /creds</c> answers the keys,
/// when <see cref="RequiredAuthorization"/> is set only to a request whose <c>Authorization</c> header carries it.
/// </summary>
internal sealed class ContainerCredentialsStub(LoopbackHttpServer server, StubKeys keys) : IAsyncDisposable
{
    private int _served;

    public string? RequiredAuthorization { get; init; }

    public StubKeys Keys => keys;

    public string Url => server.BaseUri + "creds";

    public int Served => Volatile.Read(ref _served);

    public static async Task<ContainerCredentialsStub> StartAsync(StubKeys keys, string? requiredAuthorization = null)
    {
        ContainerCredentialsStub? stub = null;
        var server = await LoopbackHttpServer.StartAsync(context => stub!.HandleAsync(context));
        stub = new ContainerCredentialsStub(server, keys) { RequiredAuthorization = requiredAuthorization };
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (RequiredAuthorization is { } expected && context.Request.Headers.Authorization.ToString() != expected)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"message":"unauthorized"}""");
            return;
        }

        Interlocked.Increment(ref _served);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(keys.Json()));
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

/// <summary>
/// A loopback IMDSv2: <c>PUT /latest/api/token</c> issues a session token, and every metadata <c>GET</c> must carry it
/// (<c>x-aws-ec2-metadata-token</c>); the role list, <c>iam/info</c> and the role's credentials are answered.
/// </summary>
internal sealed class InstanceMetadataStub(LoopbackHttpServer server, StubKeys keys) : IAsyncDisposable
{
    private const string Role = "claude-instance-role";
    private const string ImdsToken = "imds-session-token-v2";
    private int _credentialGets;
    private int _tokenPuts;

    public StubKeys Keys => keys;

    public string Url => server.BaseUri.ToString().TrimEnd('/');

    /// <summary>GETs of the role's credentials.</summary>
    public int CredentialGets => Volatile.Read(ref _credentialGets);

    public int TokenPuts => Volatile.Read(ref _tokenPuts);

    /// <summary>Metadata GETs that came without the IMDSv2 token (IMDSv1), refused.</summary>
    public int TokenlessGets { get; private set; }

    public static async Task<InstanceMetadataStub> StartAsync(StubKeys keys)
    {
        InstanceMetadataStub? stub = null;
        var server = await LoopbackHttpServer.StartAsync(context => stub!.HandleAsync(context));
        stub = new InstanceMetadataStub(server, keys);
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.Request.Method == "PUT" && path == "/latest/api/token")
        {
            Interlocked.Increment(ref _tokenPuts);
            await context.Response.WriteAsync(ImdsToken);
            return;
        }

        if (context.Request.Headers["x-aws-ec2-metadata-token"].ToString() != ImdsToken)
        {
            TokenlessGets++;
            context.Response.StatusCode = 401;
            return;
        }

        switch (path)
        {
            case "/latest/meta-data/iam/security-credentials/":
            case "/latest/meta-data/iam/security-credentials":
                await context.Response.WriteAsync(Role);
                return;
            case "/latest/meta-data/iam/info":
                await context.Response.WriteAsync("""{"Code":"Success","InstanceProfileArn":"arn:aws:iam::123456789012:instance-profile/claude","InstanceProfileId":"AIPASTUB"}""");
                return;
            case "/latest/meta-data/iam/security-credentials/" + Role:
                Interlocked.Increment(ref _credentialGets);
                await context.Response.WriteAsync(JsonSerializer.Serialize(keys.Json()));
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
