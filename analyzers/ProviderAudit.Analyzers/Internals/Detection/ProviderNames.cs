using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.Detection
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
        private readonly ImmutableHashSet<string> _elements;

        public ProviderNames(AuditConfiguration configuration)
            : this(configuration.StringProviderNames, configuration.StringProviderMembers, configuration.StringProviderElements)
        {
        }

        private ProviderNames(ImmutableHashSet<string> firstPartyNames, ImmutableHashSet<string> members, ImmutableHashSet<string> elements)
        {
            _firstPartyNames = firstPartyNames;
            _members = members;
            _elements = elements;
        }

        /// <summary>String checks off: for a scan that only wants findings on provider enums.</summary>
        public static ProviderNames None { get; } = new ProviderNames(ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

        /// <summary>String checks are on only when members (or tuple elements of members) are configured.</summary>
        public bool IsOn => !_members.IsEmpty || !_elements.IsEmpty;

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

        /// <summary>The constant, when it is one of the names that mean first party (in any case: <c>"Anthropic"</c> for <c>anthropic</c>).</summary>
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
        /// A string read from a configured member (<c>GetApiProvider()</c>, <c>settings.ProviderName</c>, <c>x?.GetApiProvider()</c>,
        /// <c>Split(id).provider</c>), that string in another case or trimmed (<c>GetApiProvider().ToLowerInvariant()</c>), or a
        /// local or readonly field whose only value is one — including a local a deconstruction declares
        /// (<c>var (provider, model) = Split(id)</c>).
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
                    case IInvocationOperation { Instance: { } receiver } normalized when IsCaseOrSpaceNormalization(normalized):
                        operation = receiver;
                        continue;
                    case IInvocationOperation invocation:
                        return IsStringMember(invocation.TargetMethod.Name, invocation.Type);
                    case IPropertyReferenceOperation property:
                        return IsStringMember(property.Property.Name, property.Type);
                    case IFieldReferenceOperation field:
                        return IsStringMember(field.Field.Name, field.Type)
                            || IsConfiguredElement(field, cancellationToken, copies)
                            || IsCopyOfProviderName(field, field.Field, cancellationToken, copies);
                    case ILocalReferenceOperation local:
                        return IsCopyOfProviderName(local, local.Local, cancellationToken, copies)
                            || IsDeconstructedProviderName(local, cancellationToken, copies);
                    default:
                        return false;
                }
            }
        }

        /// <summary><c>ToLower()</c>, <c>ToLowerInvariant()</c>, <c>ToUpper…</c>, <c>Trim…()</c> on a string: the same id, as the code compares it.</summary>
        private static bool IsCaseOrSpaceNormalization(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String || invocation.Type?.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "ToLower":
                case "ToLowerInvariant":
                case "ToUpper":
                case "ToUpperInvariant":
                    return true;
                case "Trim":
                case "TrimStart":
                case "TrimEnd":
                    return invocation.Arguments.Length == 0;
                default:
                    return false;
            }
        }

        /// <summary><c>Split(id).provider</c> / <c>Split(id).Item1</c> with <c>Split.provider</c> / <c>Split.Item1</c> configured.</summary>
        private bool IsConfiguredElement(IFieldReferenceOperation field, CancellationToken cancellationToken, int copies)
            => field.Field.ContainingType is { IsTupleType: true } tuple
               && field.Type?.SpecialType == SpecialType.System_String
               && ElementIndex(tuple, field.Field) is { } index
               && IsElementOfConfiguredMember(field.Instance, tuple, index, cancellationToken, copies);

        /// <summary>
        /// <c>var (provider, model) = Split(id);</c>, <c>(var provider, var model) = (GetApiProvider(), "x")</c>: the element of
        /// the deconstructed value the local receives is a provider name.
        /// </summary>
        private bool IsDeconstructedProviderName(ILocalReferenceOperation local, CancellationToken cancellationToken, int copies)
        {
            if (copies >= MaxCopies || local.Type?.SpecialType != SpecialType.System_String || local.SemanticModel is not { } model
                || SingleAssignment.DeconstructedFrom(local.Local, model, cancellationToken) is not { } source)
            {
                return false;
            }

            var value = source.Value;
            for (var i = 0; i < source.Path.Length; i++)
            {
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                var index = source.Path[i];
                if (value is ITupleOperation tuple)
                {
                    if (index >= tuple.Elements.Length)
                    {
                        return false;
                    }

                    value = tuple.Elements[index];
                    continue;
                }

                // A tuple-typed value of a configured member: its element is named like a configured member, or configured
                // as Member.Element. Only the last step can be one (nested tuples of members are not followed).
                return i == source.Path.Length - 1
                    && value?.Type is INamedTypeSymbol { IsTupleType: true } tupleType
                    && index < tupleType.TupleElements.Length
                    && (IsStringMember(tupleType.TupleElements[index].Name, tupleType.TupleElements[index].Type)
                        || IsElementOfConfiguredMember(value, tupleType, index, cancellationToken, copies + 1));
            }

            return IsProviderName(value, cancellationToken, copies + 1);
        }

        /// <summary>Element <paramref name="index"/> of <paramref name="tuple"/>, the value of <paramref name="source"/>, is configured as <c>Member.Element</c>.</summary>
        private bool IsElementOfConfiguredMember(IOperation? source, INamedTypeSymbol tuple, int index, CancellationToken cancellationToken, int copies)
        {
            while (source is IConversionOperation conversion)
            {
                source = conversion.Operand;
            }

            string? member;
            switch (source)
            {
                case IInvocationOperation invocation:
                    member = invocation.TargetMethod.Name;
                    break;
                case IPropertyReferenceOperation property:
                    member = property.Property.Name;
                    break;
                case IFieldReferenceOperation field:
                    member = field.Field.Name;
                    break;
                case ILocalReferenceOperation local when copies < MaxCopies && local.SemanticModel is { } model:
                    // `var parts = Split(id); var (provider, model) = parts;`
                    return IsElementOfConfiguredMember(SingleAssignment.InitialValue(local.Local, model, cancellationToken), tuple, index, cancellationToken, copies + 1);
                default:
                    return false;
            }

            var element = tuple.TupleElements[index];
            return element.Type.SpecialType == SpecialType.System_String
                && (_elements.Contains(member + "." + element.Name)
                    || _elements.Contains(member + ".Item" + (index + 1).ToString(CultureInfo.InvariantCulture)));
        }

        private static int? ElementIndex(INamedTypeSymbol tuple, IFieldSymbol field)
        {
            for (var i = 0; i < tuple.TupleElements.Length; i++)
            {
                var element = tuple.TupleElements[i];
                if (SymbolEqualityComparer.Default.Equals(element, field) || SymbolEqualityComparer.Default.Equals(element.CorrespondingTupleField, field.CorrespondingTupleField ?? field))
                {
                    return i;
                }
            }

            return null;
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
