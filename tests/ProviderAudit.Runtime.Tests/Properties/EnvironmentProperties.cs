using System.Globalization;
using Xunit.Abstractions;

namespace ProviderAudit.Runtime.Tests.Properties;

// Randomized environments against the request's rules. CI runs PropertyRunner.BoundedRuns cases per property; the
// full run (docs/runtime.md, "Randomized property suite"):
//   PROVIDERAUDIT_PROPERTY_RUNS=10000 dotnet test tests/ProviderAudit.Runtime.Tests --filter "FullyQualifiedName~Properties"
// Each property is its own class so xunit runs them side by side.

/// <summary>Selection follows the documented order, and status and launch use the backend the selection chose.</summary>
public sealed class SelectionOrderProperty(CaseFiles files, ITestOutputHelper output) : IClassFixture<CaseFiles>
{
    [Fact]
    public void Every_environment_selects_the_backend_the_documented_order_gives()
    {
        PropertyRunner.Check(CaseGenerator.Case, @case =>
        {
            var observed = Observation.OfRuntime(@case, files);
            var expected = Oracle.ExpectedBackendId(@case);
            Assert.Equal(expected, observed.Selection.Backend?.Id);
            Assert.Equal(expected, observed.Status.Backend?.Id);
            Assert.Equal(expected, observed.Launch.Backend?.Id);
        }, c => c.ToString(), output);
    }
}

/// <summary>Each target's child environment holds only what that target and its backend may see.</summary>
public sealed class LaunchScopingProperty(CaseFiles files, ITestOutputHelper output) : IClassFixture<CaseFiles>
{
    private static readonly string[] FirstPartyOnly = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_CUSTOM_HEADERS", "ANTHROPIC_BASE_URL"];
    private static readonly string[] OtherToolsCredentials = ["OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"];

    [Fact]
    public void Every_launch_environment_is_scoped_to_its_target_and_backend()
    {
        PropertyRunner.Check(CaseGenerator.Case, @case =>
        {
            var observed = Observation.OfRuntime(@case, files);
            var child = observed.Launch.Variables;
            if (@case.Target is not LaunchTarget.ClaudeCode)
            {
                Assert.DoesNotContain(child.Keys, IsClaudeVariable);
                foreach (var (name, value) in child)
                {
                    // Settings never reach a non-Anthropic target: every value is the process's own.
                    Assert.Equal(observed.Environment[name], value);
                }

                return;
            }

            var backend = observed.Launch.Backend!;
            var effective = files.Resolve(@case.Effective());
            Assert.Equal("1", child["CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST"]);
            foreach (var other in RuntimeBackends.All.Where(b => !ReferenceEquals(b, backend)))
            {
                if (other.Transport.SelectorVariable is { } otherSelector && otherSelector != backend.Transport.SelectorVariable)
                {
                    Assert.False(child.ContainsKey(otherSelector), $"{otherSelector} reached a {backend.Id} launch");
                }

                foreach (var owned in other.Transport.OwnedVariables.Except(backend.Transport.OwnedVariables)
                             .Where(name => !(name == "ANTHROPIC_CUSTOM_HEADERS" && backend.Id == "claude-platform-aws")))
                {
                    Assert.False(child.ContainsKey(owned), $"{owned} ({other.Id}) reached a {backend.Id} launch");
                }
            }

            var selector = backend.Transport.SelectorVariable;
            if (selector is not null)
            {
                Assert.Equal("1", child[selector]);
            }

            Assert.True(backend.Id == "claude-platform-aws" || !child.Keys.Any(n => n.StartsWith("ANTHROPIC_AWS_", StringComparison.Ordinal)));
            Assert.True(backend.Id is "claude-platform-aws" or "bedrock" || !child.Keys.Any(n => n.StartsWith("AWS_", StringComparison.Ordinal)));
            // First-party credentials never reach another backend; custom headers reach Claude Platform on AWS without
            // any auth, host or workspace header (CustomHeaders).
            Assert.True(backend.Id == "first-party" || !child.Keys.Intersect(FirstPartyOnly.Except(["ANTHROPIC_CUSTOM_HEADERS"])).Any());
            Assert.True(backend.Id is "first-party" or "claude-platform-aws" || !child.ContainsKey("ANTHROPIC_CUSTOM_HEADERS"));
            if (backend.Id == "claude-platform-aws" && child.TryGetValue("ANTHROPIC_CUSTOM_HEADERS", out var sent))
            {
                Assert.DoesNotContain(CustomHeaders.Parse(sent).Headers, h => ClaudePlatformAwsCustomHeaders.IsWithheld(h.Name));
            }

            Assert.DoesNotContain(child.Keys, OtherToolsCredentials.Contains);
            foreach (var (name, value) in child.Where(kv => kv.Key != selector && kv.Key != "CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST"))
            {
                Assert.Equal(AsRead(name, effective[name], effective, backend), value);
            }
        }, c => c.ToString(), output);
    }

    // The value the runtime validated for status (docs/runtime.md, launch environment): the backend's own variables
    // trimmed, AWS file paths with ~ expanded, custom headers as judged; everything else as given.
    private static string AsRead(string name, string value, IReadOnlyDictionary<string, string> effective, RuntimeBackend backend)
    {
        if (name == "ANTHROPIC_CUSTOM_HEADERS")
        {
            return CustomHeaders.Parse(value).LaunchValue(backend.Transport.SendsCustomHeader, value)!;
        }

        var owned = backend.Transport.OwnedVariables.Contains(name)
            || (backend.Id is "claude-platform-aws" or "bedrock" && name.StartsWith("AWS_ENDPOINT_URL_", StringComparison.Ordinal));
        if (!owned)
        {
            return value;
        }

        var read = value.Trim();
        return name is "AWS_CONFIG_FILE" or "AWS_SHARED_CREDENTIALS_FILE"
            ? ProviderAudit.Runtime.AwsCredentials.AwsFiles.ExpandHome(read, effective.GetValueOrDefault("HOME")) ?? read
            : read;
    }

    private static bool IsClaudeVariable(string name) =>
        name.StartsWith("ANTHROPIC_", StringComparison.Ordinal) || name.StartsWith("CLAUDE_CODE_", StringComparison.Ordinal) || name.StartsWith("AWS_", StringComparison.Ordinal);
}

/// <summary>No secret, and no fragment of one, in anything the runtime or the CLI prints.</summary>
public sealed class NoSecretInOutputProperty(CaseFiles files, ITestOutputHelper output) : IClassFixture<CaseFiles>
{
    [Fact]
    public void No_output_contains_a_secret_or_a_fragment_of_one()
    {
        PropertyRunner.Check(CaseGenerator.Case, @case =>
        {
            var observed = Observation.OfRuntimeAndCli(@case, files);
            var fragments = new HashSet<string>(StringComparer.Ordinal);
            foreach (var secret in @case.Secrets)
            {
                for (var i = 0; i + SecretScrubber.FragmentLength <= secret.Length; i++)
                {
                    fragments.Add(secret.Substring(i, SecretScrubber.FragmentLength));
                }
            }

            foreach (var (source, text) in observed.Outputs)
            {
                for (var i = 0; i + SecretScrubber.FragmentLength <= text.Length; i++)
                {
                    var window = text.Substring(i, SecretScrubber.FragmentLength);
                    if (fragments.Contains(window))
                    {
                        Assert.Fail($"{source} shows {PropertyCase.Literal(window)}, part of a secret: {PropertyCase.Literal(text)}");
                    }
                }
            }
        }, c => c.ToString(), output);
    }
}

/// <summary>Nothing throws, and nothing printed carries a raw control or invisible formatting character.</summary>
public sealed class SafeOutputProperty(CaseFiles files, ITestOutputHelper output) : IClassFixture<CaseFiles>
{
    [Fact]
    public void Every_environment_gives_status_and_launch_without_exception_and_without_raw_control_characters()
    {
        PropertyRunner.Check(CaseGenerator.Case, @case =>
        {
            var observed = Observation.OfRuntimeAndCli(@case, files);
            foreach (var (source, text) in observed.Outputs)
            {
                // CLI output is lines; everything else is one line of text.
                var lines = source.EndsWith("stdout", StringComparison.Ordinal) || source.EndsWith("stderr", StringComparison.Ordinal) ? text.Split('\n') : [text];
                foreach (var line in lines)
                {
                    var bad = line.FirstOrDefault(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
                    if (bad != default)
                    {
                        Assert.Fail($"{source} carries U+{(int)bad:X4} raw: {PropertyCase.Literal(line)}");
                    }
                }
            }

            Assert.NotNull(observed.ChildEnvironment);
            Assert.Equal(observed.Launch.Variables.OrderBy(kv => kv.Key), observed.ChildEnvironment!.OrderBy(kv => kv.Key));
        }, c => c.ToString(), output);
    }
}

/// <summary>Every bad value of the selected backend makes status not ready and is named; every unclear flag is warned about.</summary>
public sealed class BadValueProperty(CaseFiles files, ITestOutputHelper output) : IClassFixture<CaseFiles>
{
    [Fact]
    public void Every_bad_value_is_a_not_ready_status_naming_its_variable()
    {
        PropertyRunner.Check(CaseGenerator.Case, @case =>
        {
            if (Oracle.ExpectedBackendId(@case) is not { } backendId)
            {
                return;
            }

            var observed = Observation.OfRuntime(@case, files);
            var effective = @case.Effective();
            var bad = Oracle.BadVariables(effective, backendId).ToArray();
            if (bad.Length > 0)
            {
                Assert.False(observed.Status.Ready, $"ready although {string.Join(", ", bad)} {(bad.Length == 1 ? "is" : "are")} bad: {observed.Status.Message}");
                foreach (var variable in bad)
                {
                    Assert.True(observed.Status.Problems.Any(p => p.Variable == variable || p.Message.Contains(variable, StringComparison.Ordinal)),
                        $"no problem names {variable}: {string.Join(" | ", observed.Status.Problems.Select(p => $"{p.Variable}: {p.Message}"))}");
                }
            }

            foreach (var flag in Oracle.UnrecognizedFlags(effective, backendId))
            {
                Assert.True(observed.Status.Warnings.Any(w => w.Contains(flag, StringComparison.Ordinal)),
                    $"no warning names {flag}: {string.Join(" | ", observed.Status.Warnings)}");
            }
        }, c => c.ToString(), output);
    }
}
