using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.FixPlanning
{
    /// <summary>
    /// The analyzer's decision for one flagged check: either why it has no automatic rewrite, or the rewrite's shape,
    /// its facts (<see cref="DiagnosticContract"/> properties) and the nodes it works on (additional locations).
    /// </summary>
    internal sealed class FixPlan
    {
        private readonly Dictionary<string, string> _properties = new Dictionary<string, string>();
        private readonly List<Location> _locations = new List<Location>();

        private FixPlan(string? noFixReason)
        {
            NoFixReason = noFixReason;
        }

        /// <summary>One of <see cref="DiagnosticContract.NoFixReasons"/>, or null when the site can be rewritten.</summary>
        public string? NoFixReason { get; }

        public IReadOnlyList<Location> AdditionalLocations => _locations;

        /// <summary>Where the replaced node starts: the position at which names are looked up for it.</summary>
        public int HostPosition { get; private set; }

        public static FixPlan NotFixable(string reason) => new FixPlan(reason);

        /// <summary>
        /// Not fixable for <paramref name="reason"/> until rule <paramref name="ruleId"/>'s fix is applied (see
        /// <see cref="DiagnosticContract.FixableAfterProperty"/>).
        /// </summary>
        public static FixPlan NotFixableUntil(string reason, string ruleId) => new FixPlan(reason) { FixableAfter = ruleId };

        /// <summary>The rule whose fix makes this site fixable, or null.</summary>
        public string? FixableAfter { get; private set; }

        /// <summary>A rewrite of <paramref name="host"/> (additional location 0), with <paramref name="operand"/> as location 1 when given.</summary>
        public static FixPlan Rewrite(string fixShape, SyntaxNode host, SyntaxNode? operand)
        {
            var plan = new FixPlan(null);
            plan._properties[DiagnosticContract.FixShapeProperty] = fixShape;
            plan._locations.Add(host.GetLocation());
            plan.HostPosition = host.SpanStart;
            if (operand is not null)
            {
                plan._locations.Add(operand.GetLocation());
            }

            return plan;
        }

        public FixPlan With(string key, string value)
        {
            _properties[key] = value;
            return this;
        }

        public FixPlan With(string key, bool value) => With(key, value ? "true" : "false");

        /// <summary>Sets <paramref name="key"/> when <paramref name="value"/> is known; a missing key reads as "not said".</summary>
        public FixPlan WithIfKnown(string key, string? value) => value is null ? this : With(key, value);

        /// <summary>A further node the rewrite needs (after the host and the operand).</summary>
        public FixPlan WithLocation(SyntaxNode node)
        {
            _locations.Add(node.GetLocation());
            return this;
        }

        public void AddTo(ImmutableDictionary<string, string?>.Builder properties)
        {
            properties[DiagnosticContract.NoFixProperty] = NoFixReason is null ? "false" : "true";
            if (NoFixReason is not null)
            {
                properties[DiagnosticContract.NoFixReasonProperty] = NoFixReason;
                if (FixableAfter is not null)
                {
                    properties[DiagnosticContract.FixableAfterProperty] = FixableAfter;
                }

                return;
            }

            foreach (var property in _properties)
            {
                properties[property.Key] = property.Value;
            }
        }

        /// <summary>A span as the contract writes it: <c>start,length</c>.</summary>
        public static string SpanText(Microsoft.CodeAnalysis.Text.TextSpan span)
            => span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The span a <see cref="SpanText"/> value names, or null when it names none.</summary>
        public static Microsoft.CodeAnalysis.Text.TextSpan? ParseSpan(string? text)
        {
            var parts = text?.Split(',');
            return parts is { Length: 2 }
                && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)
                && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                ? new Microsoft.CodeAnalysis.Text.TextSpan(start, length)
                : (Microsoft.CodeAnalysis.Text.TextSpan?)null;
        }

        /// <summary>The contract's name for <paramref name="shape"/>.</summary>
        public static string ShapeName(ProviderShape shape) => shape switch
        {
            ProviderShape.Nullable => DiagnosticContract.Shapes.Nullable,
            ProviderShape.Boxed => DiagnosticContract.Shapes.Boxed,
            _ => DiagnosticContract.Shapes.Value,
        };

        /// <summary>
        /// The shape a contract value names (<see cref="DiagnosticContract.Shapes.NullableChain"/> is a
        /// <see cref="ProviderShape.Nullable"/>); null for <see cref="DiagnosticContract.Shapes.Other"/>, a missing or unknown value.
        /// </summary>
        public static ProviderShape? ParseShape(string? name) => name switch
        {
            DiagnosticContract.Shapes.Value => ProviderShape.Value,
            DiagnosticContract.Shapes.Nullable => ProviderShape.Nullable,
            DiagnosticContract.Shapes.NullableChain => ProviderShape.Nullable,
            DiagnosticContract.Shapes.Boxed => ProviderShape.Boxed,
            _ => null,
        };
    }
}
