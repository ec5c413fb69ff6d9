using ProviderAudit.Transport.Tests.Support;

namespace ProviderAudit.Transport.Tests.AwsCredentials;

/// <summary>
/// Real config and credentials files — the examples the AWS CLI's and AWSSDK's documentation prints, as printed — and
/// the credentials each must yield through the runtime's chain, or the named problem where the file is one no two tools
/// read alike. Each row says where its files come from.
/// </summary>
public sealed class DocumentedProfileFilesTests : IDisposable
{
    private const string CliGuide = "docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html";
    private const string CliTopic = "github.com/aws/aws-cli awscli/topics/config-vars.rst";
    private const string DotNetGuide = "docs.aws.amazon.com/sdk-for-net/v4/developer-guide/creds-file.html";

    private readonly TemporaryDirectory _home = new("tx");

    public void Dispose() => _home.Dispose();

    /// <summary>One documented setup.</summary>
    /// <param name="Source">Where the files are printed.</param>
    /// <param name="Credentials">The credentials file, or null for none.</param>
    /// <param name="Config">The config file, or null for none.</param>
    /// <param name="Profile">AWS_PROFILE, or null for the default profile.</param>
    /// <param name="KeyId">The access key id the chain must resolve, or null when it must refuse.</param>
    /// <param name="Secret">The secret it must resolve.</param>
    /// <param name="Token">The session token it must resolve.</param>
    /// <param name="Refusal">A phrase the refusal must contain (with the line it names).</param>
    public sealed record Row(string Source, string? Credentials, string? Config, string? Profile, string? KeyId, string? Secret = null, string? Token = null, string? Refusal = null)
    {
        public override string ToString() => $"{Source}: {Profile ?? "default"}";
    }

    private const string CliCredentials = """
        [default]
        aws_access_key_id=AKIAIOSFODNN7EXAMPLE
        aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

        [user1]
        aws_access_key_id=AKIAI44QH8DHBEXAMPLE
        aws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
        """;

    private const string CliConfig = """
        [default]
        region=us-west-2
        output=json

        [profile user1]
        region=us-east-1
        output=text
        """;

    public static TheoryData<Row> Rows() =>
    [
        new(CliGuide, CliCredentials, CliConfig, null, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        new(CliGuide, CliCredentials, CliConfig, "user1", "AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
        new(CliGuide + " (short-term credentials)", """
            [default]
            aws_access_key_id=ASIAIOSFODNN7EXAMPLE
            aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            aws_session_token = IQoJb3JpZ2luX2IQoJb3JpZ2luX2IQoJb3JpZ2luX2IQoJb3JpZ2luX2IQoJb3JpZVERYLONGSTRINGEXAMPLE
            """, null, null, "ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "IQoJb3JpZ2luX2IQoJb3JpZ2luX2IQoJb3JpZ2luX2IQoJb3JpZ2luX2IQoJb3JpZVERYLONGSTRINGEXAMPLE"),
        new(CliTopic + " (Config File Format)", null, """
            [default]
            aws_access_key_id=foo
            aws_secret_access_key=bar
            region=us-west-2
            """, null, "foo", "bar"),
        new(CliTopic + " (Nested Values)", null, """
            [profile testing]
            aws_access_key_id = foo
            aws_secret_access_key = bar
            region = us-west-2
            s3 =
              max_concurrent_requests=10
              max_queue_size=1000
            """, "testing", "foo", "bar"),
        new(CliTopic + " (The Shared Credentials File)", """
            [development]
            aws_access_key_id=foo
            aws_secret_access_key=bar
            """, null, "development", "foo", "bar"),
        // The topic's own IAM-role example writes aws_access_key_id twice: the AWS CLI refuses it, and so does status.
        new(CliTopic + " (Using AWS IAM Roles)", """
            [development]
            aws_access_key_id=foo
            aws_access_key_id=bar
            """, """
            [profile crossaccount]
            role_arn=arn:aws:iam:...
            source_profile=development
            """, "crossaccount", null, Refusal: "aws_access_key_id is set twice in [development]"),
        new(DotNetGuide, """
            [default]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            """, null, null, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        new(CliGuide + " (role with MFA)", CliCredentials, """
            [profile role-with-mfa]
            role_arn = arn:aws:iam::123456789012:role/role-name
            source_profile = user1
            mfa_serial = arn:aws:iam::123456789012:mfa/cli-user
            """, "role-with-mfa", null, Refusal: "needs an MFA code"),
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_documented_file_yields_its_credentials_or_a_named_refusal(Row row)
    {
        if (row.Credentials is not null)
        {
            _home.File(".aws/credentials", Dedent(row.Credentials));
        }

        if (row.Config is not null)
        {
            _home.File(".aws/config", Dedent(row.Config));
        }

        var env = TestEnvironment.Isolated(_home.Path, row.Profile is null ? [] : [("AWS_PROFILE", row.Profile)]);
        var chain = new AwsCredentialChain(env, HostSettings.Empty);

        if (row.KeyId is null)
        {
            var error = await Assert.ThrowsAsync<AwsCredentialException>(() => chain.ResolveAsync());
            Assert.Contains(row.Refusal!, error.Message, StringComparison.Ordinal);
            return;
        }

        var credentials = await chain.ResolveAsync();
        Assert.Equal((row.KeyId, row.Secret, row.Token), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
    }

    [Fact]
    public async Task The_documented_role_example_assumes_the_role_with_the_source_profiles_keys()
    {
        // CLI guide, "Using an IAM role in the AWS CLI": [profile marketingadmin] with source_profile = user1.
        await using var sts = await StsStub.StartAsync();
        var keys = sts.Role("arn:aws:iam::123456789012:role/marketingadminrole", "marketing");
        _home.File(".aws/credentials", Dedent(CliCredentials));
        _home.File(".aws/config", "[profile marketingadmin]\nrole_arn = arn:aws:iam::123456789012:role/marketingadminrole\nsource_profile = user1\n");
        var env = TestEnvironment.Isolated(_home.Path, ("AWS_PROFILE", "marketingadmin"), ("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_STS", sts.Url));

        var credentials = await new AwsCredentialChain(env, HostSettings.Empty).ResolveAsync();

        Assert.Equal((keys.AccessKeyId, keys.SessionToken), (credentials.AccessKeyId, credentials.SessionToken));
        Assert.Equal("AKIAI44QH8DHBEXAMPLE", Assert.Single(sts.Calls).SignedBy);
    }

    [Fact]
    public async Task The_documented_credential_process_example_yields_what_the_process_prints()
    {
        // CLI guide, "Sourcing credentials with an external process": credential_process = /opt/bin/awscreds-custom --username helen.
        var tool = _home.Executable("opt/bin/awscreds-custom", """
            #!/bin/sh
            [ "$1 $2" = "--username helen" ] || exit 2
            echo '{"Version": 1, "AccessKeyId": "AKIAPROCESSHELEN001", "SecretAccessKey": "helen-secret", "SessionToken": "helen-token", "Expiration": "2099-01-01T00:00:00Z"}'
            """);
        _home.File(".aws/config", $"[profile developer]\ncredential_process = {tool} --username helen\n");
        var env = TestEnvironment.Isolated(_home.Path, ("AWS_PROFILE", "developer"));

        var credentials = await new AwsCredentialChain(env, HostSettings.Empty).ResolveAsync();

        Assert.Equal(("AKIAPROCESSHELEN001", "helen-secret", "helen-token"), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
    }

    [Fact]
    public void The_documented_sso_session_example_is_an_SSO_source()
    {
        // CLI guide, "Configuring IAM Identity Center authentication": [profile my-dev-profile] with [sso-session my-sso].
        _home.File(".aws/config", """
            [profile my-dev-profile]
            sso_session = my-sso
            sso_account_id = 123456789011
            sso_role_name = readOnly
            region = us-west-2
            output = json

            [sso-session my-sso]
            sso_region = us-east-1
            sso_start_url = https://my-sso-portal.awsapps.com/start
            sso_registration_scopes = sso:account:access
            """.Replace("\r", "", StringComparison.Ordinal));
        var env = TestEnvironment.Isolated(_home.Path, ("AWS_PROFILE", "my-dev-profile"));

        var plan = new AwsCredentialChain(env, HostSettings.Empty).Describe();

        Assert.Empty(plan.Problems);
        Assert.Equal("profile my-dev-profile (AWS_PROFILE) with SSO", plan.Source!.Description);
    }

    private static string Dedent(string text) => text.Replace("\r", "", StringComparison.Ordinal) + "\n";
}
