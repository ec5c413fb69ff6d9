using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// String provider names (<c>provider_audit.string_provider_members</c> / <c>string_provider_names</c>): which values
    /// are a provider name read from a configured member, and which constants mean first party.
    /// </summary>
    internal sealed class ProviderNames
    {
        /// <summary>How many locals/fields a name may pass through (<c>var a = Get(); var b = a;</c>); also stops field cycles.</summary>
        private const int MaxCopies = 8;

        private readonly ImmutableHashSet<string> _firstPartyNames;
        private readonly ImmutableHashSet<string> _members;

        public ProviderNames(AuditConfiguration configuration)
        {
            _firstPartyNames = configuration.StringProviderNames;
            _members = configuration.StringProviderMembers;
        }

        /// <summary>String checks are on only when members are configured.</summary>
        public bool IsOn => !_members.IsEmpty;

        /// <summary>The first-party name one side holds when the other side is a provider name; null otherwise.</summary>
        public string? MatchComparison(IOperation left, IOperation right, CancellationToken cancellationToken)
        {
            if (!IsOn)
            {
                return null;
            }

            var name = FirstPartyName(left);
            if (name is not null && IsProviderName(right, cancellationToken))
            {
                return name;
            }

            name = FirstPartyName(right);
            return name is not null && IsProviderName(left, cancellationToken) ? name : null;
        }

        /// <summary>The constant, when it is one of the names that mean first party.</summary>
        public string? FirstPartyName(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return IsOn && operation.ConstantValue is { HasValue: true, Value: string text } && _firstPartyNames.Contains(text)
                ? text
                : null;
        }

        /// <summary>
        /// A string read from a configured member (<c>GetApiProvider()</c>, <c>settings.ProviderName</c>, <c>x?.GetApiProvider()</c>),
        /// or a local or readonly field whose only value is one.
        /// </summary>
        public bool IsProviderName(IOperation? operation, CancellationToken cancellationToken) => IsProviderName(operation, cancellationToken, 0);

        private bool IsProviderName(IOperation? operation, CancellationToken cancellationToken, int copies)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IConditionalAccessOperation conditional:
                        operation = conditional.WhenNotNull;
                        continue;
                    case IInvocationOperation invocation:
                        return IsStringMember(invocation.TargetMethod.Name, invocation.Type);
                    case IPropertyReferenceOperation property:
                        return IsStringMember(property.Property.Name, property.Type);
                    case IFieldReferenceOperation field:
                        return IsStringMember(field.Field.Name, field.Type) || IsCopyOfProviderName(field, field.Field, cancellationToken, copies);
                    case ILocalReferenceOperation local:
                        return IsCopyOfProviderName(local, local.Local, cancellationToken, copies);
                    default:
                        return false;
                }
            }
        }

        private bool IsCopyOfProviderName(IOperation reference, ISymbol symbol, CancellationToken cancellationToken, int copies)
            => copies < MaxCopies
               && reference.Type?.SpecialType == SpecialType.System_String
               && reference.SemanticModel is { } model
               && IsProviderName(SingleAssignment.InitialValue(symbol, model, cancellationToken), cancellationToken, copies + 1);

        private bool IsStringMember(string name, ITypeSymbol? type)
            => type?.SpecialType == SpecialType.System_String && _members.Contains(name);
    }
}
