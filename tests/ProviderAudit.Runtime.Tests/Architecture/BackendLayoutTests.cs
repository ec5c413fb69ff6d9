using NetArchTest.Rules;

namespace ProviderAudit.Runtime.Tests.Architecture;

/// <summary>
/// One folder (and namespace) per backend under <c>Backends/</c>: what a backend does lives there, and the rest of the
/// runtime reaches it only through the registry (<see cref="RuntimeBackends"/>) and the contract it implements
/// (<c>IBackendTransport</c>, <c>IModelIdSpelling</c>, <see cref="RuntimeBackend"/>, all in <c>Backends/</c> itself).
/// The backends' namespaces are read off the registry, so a new backend is held to the same rules.
/// </summary>
public class BackendLayoutTests
{
    private const string BackendsNamespace = "ProviderAudit.Runtime.Backends";

    private static readonly System.Reflection.Assembly Runtime = typeof(RuntimeBackend).Assembly;

    /// <summary>The namespaces the runtime's shared concepts live in: every namespace but Backends and its backends'.</summary>
    public static TheoryData<string> SharedNamespaces => new(
        Runtime.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith("ProviderAudit.Runtime", StringComparison.Ordinal) && !ns.StartsWith(BackendsNamespace, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static TheoryData<string> Backends => new(RuntimeBackends.All.Select(b => b.Id));

    private static IReadOnlyList<string> BackendNamespaces { get; } =
        RuntimeBackends.All.Select(NamespaceOf).Distinct(StringComparer.Ordinal).ToArray();

    // A backend's namespace is its transport's: the transport is what only that backend has (Claude Platform on AWS
    // shares the first-party model-id spelling, through the registry).
    private static string NamespaceOf(RuntimeBackend backend) => backend.Transport.GetType().Namespace!;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Each_backends_transport_lives_in_its_own_namespace_under_Backends(string id)
    {
        var backend = RuntimeBackends.FindById(id)!;
        var ns = NamespaceOf(backend);

        Assert.StartsWith(BackendsNamespace + ".", ns, StringComparison.Ordinal);
        Assert.Single(RuntimeBackends.All, other => NamespaceOf(other) == ns);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Each_backends_model_id_spelling_lives_in_a_backends_namespace(string id)
    {
        Assert.Contains(RuntimeBackends.FindById(id)!.ModelIds.GetType().Namespace, BackendNamespaces);
    }

    [Theory]
    [MemberData(nameof(SharedNamespaces))]
    public void A_shared_concept_uses_no_backends_own_types(string sharedNamespace)
    {
        var offenders = Failing(Types.InAssembly(Runtime).That().ResideInNamespaceMatching(Exactly(sharedNamespace))
            .ShouldNot().HaveDependencyOnAny([.. BackendNamespaces]));

        Assert.True(offenders.Count == 0,
            $"{string.Join(", ", offenders)} in {sharedNamespace} use a backend's own types; ask the backend through IBackendTransport (RuntimeBackend.Transport) instead.");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_backend_uses_no_other_backends_types(string id)
    {
        var own = NamespaceOf(RuntimeBackends.FindById(id)!);
        var others = BackendNamespaces.Where(ns => ns != own).ToArray();

        var offenders = Failing(Types.InAssembly(Runtime).That().ResideInNamespaceMatching(Exactly(own)).ShouldNot().HaveDependencyOnAny(others));

        Assert.True(offenders.Count == 0, $"{string.Join(", ", offenders)} use another backend's types; what two backends share belongs in a shared folder.");
    }

    [Fact]
    public void In_Backends_only_the_registry_names_a_backends_types()
    {
        var registry = typeof(RuntimeBackends).FullName!;
        var offenders = Failing(Types.InAssembly(Runtime).That().ResideInNamespaceMatching(Exactly(BackendsNamespace))
                .ShouldNot().HaveDependencyOnAny([.. BackendNamespaces]))
            .Where(type => type != registry && !type.StartsWith(registry + "/", StringComparison.Ordinal) && !type.StartsWith(registry + "+", StringComparison.Ordinal))
            .ToArray();

        Assert.True(offenders.Length == 0, $"{string.Join(", ", offenders)} name a backend's types; only the registry (RuntimeBackends) does.");
    }

    [Theory]
    [InlineData("ProviderAudit.Runtime.Catalog")]
    [InlineData("ProviderAudit.Runtime.Requests")]
    [InlineData("ProviderAudit.Runtime.Status")]
    public void The_shared_namespaces_checked_include(string sharedNamespace)
    {
        Assert.Contains(sharedNamespace, SharedNamespaces.Cast<object[]>().Select(row => (string)row[0]).ToArray());
    }

    [Fact]
    public void The_rules_see_the_registry_naming_every_backends_types()
    {
        // The dependency rules above pass vacuously if they cannot see a dependency: the registry has one on each backend.
        foreach (var ns in BackendNamespaces)
        {
            var users = Types.InAssembly(Runtime).That().HaveDependencyOn(ns).GetTypes().Select(t => t.FullName).ToArray();
            Assert.Contains(typeof(RuntimeBackends).FullName, users);
        }
    }

    private static string Exactly(string ns) => "^" + System.Text.RegularExpressions.Regex.Escape(ns) + "$";

    private static IReadOnlyList<string> Failing(ConditionList conditions)
    {
        var result = conditions.GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames.ToArray();
    }
}
