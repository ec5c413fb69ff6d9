using System.Threading;
using Microsoft.CodeAnalysis;

namespace ProviderAudit.Analyzers.Internals.Detection
{
    /// <summary>
    /// Finds one comparison form (<c>==</c>, <c>Equals</c>, <c>Contains</c>, a constant pattern, a case label, a tuple
    /// comparison) in the operations of one kind. A detector only decides whether and where a check is; what it means and
    /// how it is fixed is decided once, for every form, where the finding is reported.
    /// </summary>
    internal interface IComparisonFormDetector
    {
        /// <summary>The operations this form is found in.</summary>
        OperationKind Kind { get; }

        /// <summary>The check <paramref name="operation"/> makes, or null when it is not this form comparing with first party.</summary>
        Finding? Detect(IOperation operation, CancellationToken cancellationToken);
    }
}
