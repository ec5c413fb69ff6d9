using static ProviderAudit.Analyzers.Tests.AuditVerifier;

namespace ProviderAudit.Analyzers.Tests;

/// <summary>Inside expression trees the check is still reported, but marked so no rewrite is offered.</summary>
public sealed class ExpressionTreeTests
{
    private const string Source = """
        using System;
        using System.Linq.Expressions;
        using ProviderAudit.Runtime;

        public static class Code
        {
            public static Expression<Func<ApiProvider, bool>> Tree = p => {|PA0001:p == ApiProvider.FirstParty|};
            public static Func<ApiProvider, bool> Delegate = p => {|PA0001:p == ApiProvider.FirstParty|};
        }
        """;

    [Fact]
    public Task Comparison_inside_expression_tree_is_flagged()
        => VerifyAsync(Source);

    [Fact]
    public async Task Comparison_inside_expression_tree_is_marked_no_fix()
    {
        var run = await AuditRun.OfAsync(Source.Replace("{|PA0001:", string.Empty).Replace("|}", string.Empty));

        var noFix = run.Diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.Properties[DiagnosticContract.NoFixProperty] ?? "missing")
            .ToArray();
        Assert.Equal(["true", "false"], noFix);
    }
}
