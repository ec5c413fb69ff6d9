using System.Globalization;

namespace ProviderAudit.GatewayEmulator;

/// <summary>Command-line arguments of the emulator when run by hand.</summary>
public sealed record EmulatorArguments(GatewayEmulatorOptions? Options, int Port, GatewayFailure Failure, bool Help, string? Error)
{
    /// <summary>What the program accepts.</summary>
    public const string Usage = """
        usage: ProviderAudit.GatewayEmulator [--port N] [--region R] [--workspace W]
                                             [--access-key-id ID --secret SECRET] [--api-key KEY]
                                             [--reject-bearer] [--aws-errors]
                                             [--fail federation-disabled|iam-denied|expired|signature-mismatch|unknown-key|clock-skew]
                                             [--reply TEXT] [--models ID,ID,…] [--model-page-size N]
          --port 0 picks a free port; --secret without --access-key-id uses AKIDEMULATOR.
        """;

    /// <summary>Parses <paramref name="args"/>; bad input gives an <see cref="Error"/> naming the argument.</summary>
    public static EmulatorArguments Parse(IReadOnlyList<string> args)
    {
        var port = 0;
        string region = "us-east-1", workspace = "wrkspc_emulator";
        string? accessKeyId = null, secret = null, apiKey = null, reply = null;
        string[]? models = null;
        int? pageSize = null;
        var bearer = BearerApiKeyPolicy.Accept;
        var awsErrors = false;
        var failure = GatewayFailure.None;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return new(null, 0, failure, true, null);
            }

            if (name == "--reject-bearer")
            {
                bearer = BearerApiKeyPolicy.Reject;
                continue;
            }

            if (name == "--aws-errors")
            {
                awsErrors = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return Fail($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        return Fail($"--port must be a number from 0 to 65535, got '{value}'.");
                    }

                    break;
                case "--region": region = value; break;
                case "--workspace": workspace = value; break;
                case "--access-key-id": accessKeyId = value; break;
                case "--secret": secret = value; break;
                case "--api-key": apiKey = value; break;
                case "--reply": reply = value; break;
                case "--models": models = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--model-page-size":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
                    {
                        return Fail($"--model-page-size must be a positive number, got '{value}'.");
                    }

                    pageSize = size;
                    break;
                case "--fail":
                    failure = value switch
                    {
                        "federation-disabled" => GatewayFailure.FederationDisabled,
                        "iam-denied" => GatewayFailure.IamDenied,
                        "expired" => GatewayFailure.TokenExpired,
                        "signature-mismatch" => GatewayFailure.SignatureMismatch,
                        "unknown-key" => GatewayFailure.UnknownAccessKey,
                        "clock-skew" => GatewayFailure.ClockSkew,
                        _ => (GatewayFailure)(-1),
                    };
                    if ((int)failure < 0)
                    {
                        return Fail($"--fail must be federation-disabled, iam-denied, expired, signature-mismatch, unknown-key or clock-skew, got '{value}'.");
                    }

                    break;
                default:
                    return Fail($"Unknown argument '{name}'.");
            }
        }

        if (accessKeyId is not null && secret is null)
        {
            return Fail("--access-key-id needs --secret.");
        }

        var keys = new Dictionary<string, string>();
        if (secret is not null)
        {
            keys[accessKeyId ?? "AKIDEMULATOR"] = secret;
        }

        var options = new GatewayEmulatorOptions
        {
            Region = region,
            WorkspaceId = workspace,
            AccessKeys = keys,
            ApiKeys = apiKey is null ? [] : [apiKey],
            BearerApiKeys = bearer,
            AwsErrorShape = awsErrors,
            ReplyText = reply ?? new GatewayEmulatorOptions().ReplyText,
            Models = models ?? new GatewayEmulatorOptions().Models,
            ModelPageSize = pageSize,
        };
        return new(options, port, failure, false, null);
    }

    private static EmulatorArguments Fail(string message) => new(null, 0, GatewayFailure.None, false, message);
}
