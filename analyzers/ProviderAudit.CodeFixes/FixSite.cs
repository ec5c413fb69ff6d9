using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProviderAudit.CodeFixes
{
    internal enum HostKind
    {
        /// <summary><c>a == X</c>, <c>a != X</c>, <c>Equals(…)</c>: the whole expression becomes a capability test.</summary>
        Comparison,

        /// <summary><c>e is …X…</c>.</summary>
        IsPattern,

        /// <summary>A switch expression arm whose pattern contains X.</summary>
        SwitchArm,

        /// <summary><c>case …X… [when …]:</c> in a switch statement.</summary>
        PatternCaseLabel,

        /// <summary><c>case X:</c> in a switch statement.</summary>
        ConstantCaseLabel,
    }

    /// <summary>
    /// One syntax node the fix replaces, with what the semantic model said about it. Everything here is
    /// computed on the original tree, so the rewrite itself is purely syntactic and can run host after host.
    /// </summary>
    internal sealed class FixSite
    {
        public FixSite(HostKind kind, SyntaxNode host)
        {
            Kind = kind;
            Host = host;
        }

        public HostKind Kind { get; }

        /// <summary>The provider enum compared at this site.</summary>
        public ProviderTypes? Types { get; set; }

        /// <summary>The capability this site is rewritten to (the first diagnostic's choice when several share the host).</summary>
        public Capability? Capability { get; set; }

        public SyntaxNode Host { get; }

        /// <summary>The provider-valued expression (comparisons) or the tested expression (is-patterns).</summary>
        public SyntaxNode? Operand { get; set; }

        /// <summary>Shape of <see cref="Operand"/>, or of the switch's governing expression; null when not provider-typed.</summary>
        public ProviderShape? Shape { get; set; }

        /// <summary><c>!=</c>.</summary>
        public bool Negated { get; set; }

        /// <summary>The operand is <c>x?.Provider</c> whose last link is a non-nullable provider.</summary>
        public bool AppendsToChain { get; set; }

        /// <summary>The operand may be evaluated more than once (a name or a chain of member names).</summary>
        public bool OperandIsRepeatable { get; set; }

        /// <summary>
        /// Set on a switch-expression arm whose switch covers every named provider without a catch-all (CS8524): once the
        /// arm is guarded, the compiler no longer counts FirstParty as covered (CS8509), so the fix appends the catch-all
        /// the compiler used to generate. Null when not needed.
        /// </summary>
        public SwitchExpressionSyntax? SwitchNeedingCatchAll { get; set; }

        /// <summary>Whether <c>System.Runtime.CompilerServices.SwitchExpressionException</c> exists (what the compiler throws for an unmatched value).</summary>
        public bool HasSwitchExpressionException { get; set; }

        /// <summary>The constant patterns (or the constant case value) that compare with the first-party member, with their input shapes.</summary>
        public Dictionary<SyntaxNode, ProviderShape> FirstPartyConstants { get; } = new Dictionary<SyntaxNode, ProviderShape>();
    }
}
