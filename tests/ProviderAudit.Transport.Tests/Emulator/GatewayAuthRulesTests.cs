using System.Net;
using System.Text;
using System.Text.Json;
using ProviderAudit.GatewayEmulator;
using ProviderAudit.GatewayEmulator.SigV4;

namespace ProviderAudit.Transport.Tests.Emulator;

/// <summary>The emulator's gateway rules, exercised with plain HTTP requests.</summary>
public sealed class GatewayAuthRulesTests
{
    private const string MessagesBody = """{"model":"claude-sonnet-4-6","max_tokens":16,"messages":[{"role":"user","content":"Hi"}]}""";

    private static async Task<(HttpStatusCode Status, string Type, string Message)> PostAsync(
        CpaGatewayEmulator emulator, string body = MessagesBody, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, "/v1/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (response.IsSuccessStatusCode)
        {
            return (response.StatusCode, "", "");
        }

        Assert.Equal("error", json.GetProperty("type").GetString());
        var error = json.GetProperty("error");
        return (response.StatusCode, error.GetProperty("type").GetString()!, error.GetProperty("message").GetString()!);
    }

    private static (string, string) Workspace => ("anthropic-workspace-id", EmulatorScope.WorkspaceId);

    [Fact]
    public async Task Accepts_the_CPA_key_in_x_api_key()
    {
        await using var emulator = await EmulatorScope.StartAsync(BearerApiKeyPolicy.Reject);

        var (status, _, _) = await PostAsync(emulator, headers: [Workspace, ("x-api-key", EmulatorScope.CpaApiKey)]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(GatewayAuthKind.ApiKey, Assert.Single(emulator.Requests).Auth);
    }

    [Fact]
    public async Task Rejects_a_missing_workspace_header()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, type, _) = await PostAsync(emulator, headers: [("x-api-key", EmulatorScope.CpaApiKey)]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", type);
    }

    [Fact]
    public async Task Rejects_another_workspace()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, type, _) = await PostAsync(emulator, headers: [("anthropic-workspace-id", "wrkspc_other"), ("x-api-key", EmulatorScope.CpaApiKey)]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("permission_error", type);
    }

    [Fact]
    public async Task Rejects_a_FirstParty_API_key()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, type, message) = await PostAsync(emulator, headers: [Workspace, ("x-api-key", "sk-ant-api03-firstpartykey")]);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("authentication_error", type);
        Assert.Contains("First-party", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_an_OAuth_bearer_token()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, type, _) = await PostAsync(emulator, headers: [Workspace, ("Authorization", "Bearer sk-ant-oat01-oauthtoken")]);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("authentication_error", type);
    }

    [Fact]
    public async Task Rejects_two_auth_headers()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, _, message) = await PostAsync(emulator,
            headers: [Workspace, ("x-api-key", EmulatorScope.CpaApiKey), ("Authorization", "Bearer " + EmulatorScope.CpaApiKey)]);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("exactly one", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_an_unknown_CPA_key_as_a_permission_problem()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, type, _) = await PostAsync(emulator, headers: [Workspace, ("x-api-key", "aws-cpa-revoked-key")]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("permission_error", type);
    }

    [Fact]
    public async Task Rejects_a_request_without_auth()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, _, _) = await PostAsync(emulator, headers: [Workspace]);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Rejects_a_Bedrock_model_id()
    {
        await using var emulator = await EmulatorScope.StartAsync();

        var (status, _, message) = await PostAsync(emulator,
            """{"model":"us.anthropic.claude-sonnet-4-5-20250929-v1:0","max_tokens":16,"messages":[{"role":"user","content":"Hi"}]}""",
            Workspace, ("x-api-key", EmulatorScope.CpaApiKey));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("first-party", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_valid_signature_for_another_service()
    {
        await using var emulator = await EmulatorScope.StartAsync();
        var host = emulator.BaseUri.Host;
        var amzDate = SigV4Signature.FormatAmzDate(DateTimeOffset.UtcNow);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("anthropic-workspace-id", EmulatorScope.WorkspaceId), new("host", host), new("x-amz-date", amzDate),
        };
        string[] signed = ["anthropic-workspace-id", "host", "x-amz-date"];
        var scope = SigV4Signature.Scope(amzDate[..8], EmulatorScope.Region, "bedrock");
        var canonical = SigV4Signature.CanonicalRequest("POST", "/v1/messages", "", headers, signed, SigV4Signature.HexSha256(Encoding.UTF8.GetBytes(MessagesBody)));
        var signature = SigV4Signature.Signature(SigV4Signature.SigningKey(EmulatorScope.SecretAccessKey, amzDate[..8], EmulatorScope.Region, "bedrock"),
            SigV4Signature.StringToSign(amzDate, scope, canonical));

        var (status, _, message) = await PostAsync(emulator, MessagesBody,
            Workspace, ("Host", host), ("x-amz-date", amzDate),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={EmulatorScope.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("service", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GatewayFailure.FederationDisabled, HttpStatusCode.Forbidden, "federation")]
    [InlineData(GatewayFailure.IamDenied, HttpStatusCode.Forbidden, "aws-external-anthropic:")]
    [InlineData(GatewayFailure.TokenExpired, HttpStatusCode.Unauthorized, "expired")]
    [InlineData(GatewayFailure.SignatureMismatch, HttpStatusCode.Forbidden, "signature we calculated does not match")]
    [InlineData(GatewayFailure.UnknownAccessKey, HttpStatusCode.Forbidden, "security token included in the request is invalid")]
    [InlineData(GatewayFailure.ClockSkew, HttpStatusCode.Forbidden, "Signature expired")]
    public async Task Answers_a_configured_failure_after_authentication(GatewayFailure failure, HttpStatusCode expected, string phrase)
    {
        await using var emulator = await EmulatorScope.StartAsync();
        emulator.Failure = failure;

        var (status, _, message) = await PostAsync(emulator, headers: [Workspace, ("x-api-key", EmulatorScope.CpaApiKey)]);

        Assert.Equal(expected, status);
        Assert.Contains(phrase, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GatewayFailure.SignatureMismatch, "InvalidSignatureException")]
    [InlineData(GatewayFailure.UnknownAccessKey, "UnrecognizedClientException")]
    [InlineData(GatewayFailure.TokenExpired, "ExpiredTokenException")]
    [InlineData(GatewayFailure.IamDenied, "AccessDeniedException")]
    public async Task In_the_AWS_shape_a_failure_carries_its_AWS_error_type(GatewayFailure failure, string awsType)
    {
        await using var emulator = await CpaGatewayEmulator.StartAsync(new GatewayEmulatorOptions
        {
            Region = EmulatorScope.Region, WorkspaceId = EmulatorScope.WorkspaceId, ApiKeys = [EmulatorScope.CpaApiKey], AwsErrorShape = true,
        });
        emulator.Failure = failure;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Url() + "/v1/messages") { Content = new StringContent(MessagesBody) };
        request.Headers.TryAddWithoutValidation("anthropic-workspace-id", EmulatorScope.WorkspaceId);
        request.Headers.TryAddWithoutValidation("x-api-key", EmulatorScope.CpaApiKey);

        using var response = await http.SendAsync(request);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal([awsType], response.Headers.GetValues("x-amzn-ErrorType"));
        Assert.Equal(awsType, body.RootElement.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("signature-mismatch", GatewayFailure.SignatureMismatch)]
    [InlineData("unknown-key", GatewayFailure.UnknownAccessKey)]
    [InlineData("clock-skew", GatewayFailure.ClockSkew)]
    public void The_command_line_names_each_failure(string name, GatewayFailure failure)
    {
        var parsed = EmulatorArguments.Parse(["--fail", name, "--aws-errors"]);

        Assert.Null(parsed.Error);
        Assert.Equal(failure, parsed.Failure);
        Assert.True(parsed.Options!.AwsErrorShape);
    }
}
