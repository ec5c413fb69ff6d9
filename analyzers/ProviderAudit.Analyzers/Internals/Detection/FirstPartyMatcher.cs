using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// The one question every comparison form ends in — does an operand hold the first-party constant of a provider enum
    /// (after conversions to the enum, its nullable, or boxing)? — so field references, <c>const</c> aliases,
    /// <c>using static</c>, casts like <c>(ApiProvider)0</c> and <c>default</c> are all caught by constant values, not names.
    /// One per compilation, shared by the detectors.
    /// </summary>
    internal sealed class FirstPartyMatcher
    {
        public FirstPartyMatcher(ImmutableArray<ProviderTarget> targets, ProviderNames names)
        {
            Targets = targets;
            Names = names;
        }

        public ImmutableArray<ProviderTarget> Targets { get; }

        /// <summary>String provider names (off unless configured).</summary>
        public ProviderNames Names { get; }

        /// <summary>
        /// The provider enum whose first-party constant <paramref name="operation"/> holds, looking through
        /// conversions that keep the value a provider (to the enum, its nullable, boxing); a cast to
        /// <c>int</c> makes it a number and ends the search.
        /// </summary>
        public ProviderTarget? Match(IOperation? operation)
        {
            while (operation is not null)
            {
                if (operation.ConstantValue.HasValue && operation.Type is { } type)
                {
                    foreach (var target in Targets)
                    {
                        if (SymbolEqualityComparer.Default.Equals(type, target.Type) && Equals(operation.ConstantValue.Value, target.FirstPartyValue))
                        {
                            return target;
                        }
                    }
                }

                if (operation is IConversionOperation conversion && KeepsProvider(conversion.Type))
                {
                    operation = conversion.Operand;
                }
                else
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The first-party constant anywhere in a (nested) tuple.</summary>
        public ProviderTarget? MatchElement(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is not ITupleOperation tuple)
            {
                return Match(operation);
            }

            foreach (var element in tuple.Elements)
            {
                if (MatchElement(element) is { } target)
                {
                    return target;
                }
            }

            return null;
        }

        /// <summary><c>(int)p == 0</c>: the first-party number compared with a provider cast to a number.</summary>
        public ProviderTarget? MatchUnderlying(IOperation? value, IOperation? constant) => UnderlyingValues.Match(value, constant, Targets);

        /// <summary>Whether <paramref name="value"/> is typed so that it could hold a provider.</summary>
        public bool CouldHoldProvider(IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            foreach (var target in Targets)
            {
                if (target.Classify(value.Type) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private bool KeepsProvider(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.IsReferenceType)
            {
                return true;
            }

            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            foreach (var target in Targets)
            {
                if (SymbolEqualityComparer.Default.Equals(type, target.Type))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
