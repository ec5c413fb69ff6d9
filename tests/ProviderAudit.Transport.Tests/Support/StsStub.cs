using System.Collections.Concurrent;
using System.Security;
using Microsoft.AspNetCore.Http;
using ProviderAudit.GatewayEmulator;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>
/// A loopback stand-in for AWS STS (reached through <c>AWS_ENDPOINT_URL_STS</c>): <c>AssumeRole</c> and
/// <c>AssumeRoleWithWebIdentity</c> in the query protocol AWSSDK.SecurityToken speaks, answering each known role with
/// its temporary keys (valid for an hour) and refusing others, or every role in <see cref="Deny"/>, with 403 AccessDenied.
/// </summary>
internal sealed class StsStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TemporaryKeys> _roles = new(StringComparer.Ordinal);
    private LoopbackHttpServer _server = null!;

    private StsStub()
    {
    }

    public sealed record TemporaryKeys(string AccessKeyId, string SecretAccessKey, string SessionToken);

    /// <summary>One call: the action, the role, the access key id that signed it (null for web identity) and the web identity token.</summary>
    public sealed record Call(string Action, string RoleArn, string? SignedBy, string? WebIdentityToken);

    public string Url => _server.BaseUri.ToString().TrimEnd('/');

    public ConcurrentQueue<Call> Calls { get; } = new();

    public ConcurrentDictionary<string, byte> Deny { get; } = new(StringComparer.Ordinal);

    public static async Task<StsStub> StartAsync()
    {
        var stub = new StsStub();
        stub._server = await LoopbackHttpServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Makes <paramref name="roleArn"/> assumable; returns the keys STS will hand out for it.</summary>
    public TemporaryKeys Role(string roleArn, string name) => _roles[roleArn] = new TemporaryKeys(
        ("ASIA" + name.ToUpperInvariant() + "000000000000")[..20],
        $"sts-secret-{name}-000000000000000000000000",
        $"sts-session-token-{name}");

    public int CallsFor(string roleArn) => Calls.Count(c => c.RoleArn == roleArn);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var action = form["Action"].ToString();
        var roleArn = form["RoleArn"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        var signedBy = authorization.Contains("Credential=", StringComparison.Ordinal)
            ? authorization.Split("Credential=")[1].Split('/')[0]
            : null;
        Calls.Enqueue(new Call(action, roleArn, signedBy, form["WebIdentityToken"].ToString() is { Length: > 0 } token ? token : null));

        context.Response.ContentType = "text/xml";
        if (Deny.ContainsKey(roleArn) || !_roles.TryGetValue(roleArn, out var keys) || action is not ("AssumeRole" or "AssumeRoleWithWebIdentity"))
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync($"""
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:{SecurityElement.Escape(action)} on resource: {SecurityElement.Escape(roleArn)}</Message></Error>
                  <RequestId>stub-denied</RequestId>
                </ErrorResponse>
                """);
            return;
        }

        var expiration = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsync($"""
            <{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <{action}Result>
                <Credentials>
                  <AccessKeyId>{keys.AccessKeyId}</AccessKeyId>
                  <SecretAccessKey>{keys.SecretAccessKey}</SecretAccessKey>
                  <SessionToken>{keys.SessionToken}</SessionToken>
                  <Expiration>{expiration}</Expiration>
                </Credentials>
                <AssumedRoleUser><Arn>{SecurityElement.Escape(roleArn)}/session</Arn><AssumedRoleId>AROASTUB:session</AssumedRoleId></AssumedRoleUser>
              </{action}Result>
              <ResponseMetadata><RequestId>stub-{Calls.Count}</RequestId></ResponseMetadata>
            </{action}Response>
            """);
    }
}
