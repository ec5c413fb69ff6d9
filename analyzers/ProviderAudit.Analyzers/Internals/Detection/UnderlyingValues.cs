using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ProviderAudit.Analyzers.Internals.Configuration;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// <c>(int)p == 0</c>: a provider turned into its underlying number, compared with the number of the first-party
    /// member. Flagged without a fix: the number is not a provider, and the code may rely on the numbering.
    /// </summary>
    internal static class UnderlyingValues
    {
        /// <summary>
        /// The provider enum whose first-party number <paramref name="constant"/> holds while <paramref name="value"/> is a
        /// provider cast to a number; null otherwise.
        /// </summary>
        public static ProviderTarget? Match(IOperation? value, IOperation? constant, ImmutableArray<ProviderTarget> targets)
        {
            // `(int?)maybe == 0`: the lifted 0 is not a constant, the 0 inside the conversion is.
            while (constant is IConversionOperation { ConstantValue.HasValue: false } conversion)
            {
                constant = conversion.Operand;
            }

            if (value is null || constant is null || !IsNumber(constant.Type) || !constant.ConstantValue.HasValue)
            {
                return null;
            }

            var target = ProviderOf(value, targets);
            return target is not null && SameNumber(constant.ConstantValue.Value, target.FirstPartyValue) ? target : null;
        }

        /// <summary>The provider enum a numeric value was cast from (through further numeric conversions, e.g. <c>(byte)p</c> widened to int).</summary>
        private static ProviderTarget? ProviderOf(IOperation value, ImmutableArray<ProviderTarget> targets)
        {
            // `Equals(0, (int)p)`: the number is boxed to object first.
            while (value is IConversionOperation { Type.IsReferenceType: true } boxing)
            {
                value = boxing.Operand;
            }

            while (value is IConversionOperation conversion && IsNumber(conversion.Type))
            {
                foreach (var target in targets)
                {
                    if (target.IsProviderTyped(conversion.Operand.Type))
                    {
                        return target;
                    }
                }

                value = conversion.Operand;
            }

            return null;
        }

        private static bool IsNumber(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type?.SpecialType)
            {
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return true;
                default:
                    return false;
            }
        }

        private static bool SameNumber(object? left, object? right)
            => left is IConvertible && right is IConvertible && !(left is bool || right is bool || left is string || right is string)
               && Convert.ToDecimal(left, CultureInfo.InvariantCulture) == Convert.ToDecimal(right, CultureInfo.InvariantCulture);
    }
}
