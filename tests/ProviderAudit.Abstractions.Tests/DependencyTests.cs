using ProviderAudit.Runtime;

namespace ProviderAudit.Abstractions.Tests;

/// <summary>
/// The ProviderAudit package promises a library nothing transitive: its assembly is built for netstandard2.0 and
/// references netstandard alone (no System.Memory, no polyfill package, nothing of the runtime).
/// </summary>
public class DependencyTests
{
    [Fact]
    public void The_abstractions_reference_netstandard_alone()
    {
        Assert.Equal(["netstandard"], typeof(ApiProvider).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void The_abstractions_target_netstandard2_0()
    {
        var framework = typeof(ApiProvider).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single();

        Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
    }
}
