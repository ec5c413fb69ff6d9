using Anthropic;
using Anthropic.Aws;

namespace ProviderAudit.Transport.Tests.Transport;

/// <summary>Anthropic.Aws must be built against the same major version of Anthropic that runs (the SDK checks this at client construction).</summary>
public sealed class PackageCompatibilityTests
{
    [Fact]
    public void Anthropic_AWS_is_compiled_against_the_running_Anthropic_major_version()
    {
        var running = typeof(AnthropicClient).Assembly.GetName().Version!;
        var compiledAgainst = typeof(AnthropicAwsClient).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Anthropic").Version!;

        Assert.Equal(running.Major, compiledAgainst.Major);
        Assert.True(running >= compiledAgainst, $"Anthropic {running} is older than the {compiledAgainst} Anthropic.Aws was built against.");
    }
}
