using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// One flagged check, as a detector found it: the operation, the node the contract locates the diagnostic on, and what
    /// it compares — a provider member, its underlying number, a provider name, or set membership.
    /// </summary>
    internal sealed class Finding
    {
        private static readonly IReadOnlyList<SyntaxNode> NoElements = new SyntaxNode[0];

        private Finding(IOperation operation, SyntaxNode location, ProviderTarget? target, string compared, string? noFixReason, SyntaxNode? membershipOperand, IReadOnlyList<SyntaxNode> membershipElements, string? providerName)
        {
            Operation = operation;
            Location = location;
            Target = target;
            ProviderName = providerName;
            Compared = compared;
            NoFixReason = noFixReason;
            MembershipOperand = membershipOperand;
            MembershipElements = membershipElements;
        }

        /// <summary>The flagged operation (binary, invocation, pattern, case clause).</summary>
        public IOperation Operation { get; }

        /// <summary>The node <see cref="DiagnosticContract"/> locates the diagnostic on.</summary>
        public SyntaxNode Location { get; }

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

        public static Finding Member(IOperation operation, SyntaxNode location, ProviderTarget target, string? noFixReason = null)
            => new Finding(operation, location, target, target.MemberDisplay, noFixReason, null, NoElements, null);

        public static Finding UnderlyingValue(IOperation operation, SyntaxNode location, ProviderTarget target)
            => new Finding(operation, location, target, "the underlying value of " + target.MemberDisplay, DiagnosticContract.NoFixReasons.UnderlyingValue, null, NoElements, null);

        public static Finding Name(IOperation operation, SyntaxNode location, string providerName)
            => new Finding(operation, location, null, "provider name \"" + providerName + "\"", null, null, NoElements, providerName);

        public static Finding Membership(IOperation operation, SyntaxNode location, ProviderTarget target, string? noFixReason, SyntaxNode operand, IReadOnlyList<SyntaxNode> firstPartyElements)
            => new Finding(operation, location, target, "a set containing " + target.MemberDisplay, noFixReason, operand, firstPartyElements, null);
    }
}
