namespace ProviderAudit.Transport.Tests;

public class ProjectBuilds
{
    [Fact]
    public void Placeholder_until_real_tests_land() => Assert.True(typeof(ProjectBuilds).Assembly.GetName().Name!.EndsWith("Tests", StringComparison.Ordinal));
}
