using System.Reflection;
using NetArchTest.Rules;
using ProviderAudit.Cli.Commands;

namespace ProviderAudit.Cli.Tests.Architecture;

/// <summary>
/// The tool's folders are layers that depend one way, lowest first: Files and Rules (reading and writing files, the
/// shipped rules and their pages), Loading (MSBuildWorkspace), Analysis (findings), Baselines (findings compared with
/// a recorded baseline), Fixing (the shipped fixes, their previews and the writes), Reports (every output format) and
/// Commands, which composes them. A layer may use the layers below it and never one above it; the root namespace
/// (exit codes, progress log) uses none.
/// </summary>
public sealed class LayerTests
{
    private const string Root = "ProviderAudit.Cli";

    /// <summary>Lowest first.</summary>
    private static readonly string[] Layers = ["Files", "Rules", "Loading", "Analysis", "Baselines", "Fixing", "Reports", "Commands"];

    private static readonly Assembly Tool = typeof(ToolCommandLine).Assembly;

    /// <summary>Every layer with one above it.</summary>
    public static TheoryData<string> LayerNames => new(Layers[..^1]);

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).Select(Namespace).ToArray();

        var result = Types.InAssembly(Tool).That().ResideInNamespace(Namespace(layer)).ShouldNot().HaveDependencyOnAny(above).GetResult();

        Assert.True(result.IsSuccessful, $"{string.Join(", ", result.FailingTypeNames ?? [])} in {layer}/ use a layer above it ({string.Join(", ", above)}).");
    }

    [Fact]
    public void The_root_namespace_uses_no_layer()
    {
        var result = Types.InAssembly(Tool).That().ResideInNamespaceMatching($"^{Root.Replace(".", "\\.", StringComparison.Ordinal)}$")
            .ShouldNot().HaveDependencyOnAny([.. Layers.Select(Namespace)]).GetResult();

        Assert.True(result.IsSuccessful, $"{string.Join(", ", result.FailingTypeNames ?? [])} in the root namespace use a layer.");
    }

    [Fact]
    public void Every_namespace_of_the_tool_is_a_layer_or_the_root()
    {
        // A new folder outside the list would escape the rules above: place it in the list.
        var namespaces = Tool.GetTypes().Select(t => t.Namespace).OfType<string>().Where(ns => ns.StartsWith(Root, StringComparison.Ordinal)).Distinct();

        Assert.All(namespaces, ns => Assert.True(ns == Root || Layers.Any(l => ns == Namespace(l) || ns.StartsWith(Namespace(l) + ".", StringComparison.Ordinal)), $"{ns} is not a layer of LayerTests."));
    }

    private static string Namespace(string layer) => $"{Root}.{layer}";
}
