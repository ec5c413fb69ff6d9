using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers
{
    /// <summary>What one flagged check compares: a provider member, its underlying number, a provider name, or set membership.</summary>
    internal sealed class Finding
    {
        private static readonly IReadOnlyList<SyntaxNode> NoElements = new SyntaxNode[0];

        private Finding(ProviderTarget? target, string compared, string? noFixReason, SyntaxNode? membershipOperand, IReadOnlyList<SyntaxNode> membershipElements, string? providerName = null)
        {
            Target = target;
            ProviderName = providerName;
            Compared = compared;
            NoFixReason = noFixReason;
            MembershipOperand = membershipOperand;
            MembershipElements = membershipElements;
        }

        /// <summary>The provider enum compared, or null for a string provider name.</summary>
        public ProviderTarget? Target { get; }

        /// <summary>For a string check: the first-party name compared with, as written.</summary>
        public string? ProviderName { get; }

        /// <summary>The message's first argument: what the check compares with.</summary>
        public string Compared { get; }

        /// <summary>A <see cref="DiagnosticContract.NoFixReasons"/> value the detection already knows, or null.</summary>
        public string? NoFixReason { get; }

        /// <summary>For <c>Contains</c>: the value looked up.</summary>
        public SyntaxNode? MembershipOperand { get; }

        /// <summary>For <c>Contains</c>: the set's elements equal to the first-party member.</summary>
        public IReadOnlyList<SyntaxNode> MembershipElements { get; }

        public static Finding Member(ProviderTarget target, string? noFixReason = null)
            => new Finding(target, target.MemberDisplay, noFixReason, null, NoElements);

        public static Finding UnderlyingValue(ProviderTarget target)
            => new Finding(target, "the underlying value of " + target.MemberDisplay, DiagnosticContract.NoFixReasons.UnderlyingValue, null, NoElements);

        public static Finding Name(string providerName)
            => new Finding(null, "provider name \"" + providerName + "\"", null, null, NoElements, providerName);

        public static Finding Membership(ProviderTarget target, string? noFixReason, SyntaxNode operand, IReadOnlyList<SyntaxNode> firstPartyElements)
            => new Finding(target, "a set containing " + target.MemberDisplay, noFixReason, operand, firstPartyElements);
    }
}
