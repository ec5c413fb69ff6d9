using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProviderAudit.Analyzers.Internals.Configuration
{
    /// <summary>
    /// What every rule needs first, computed once per compilation and options however many rules ask: the
    /// <c>provider_audit.*</c> settings (read from every tree's options), the provider enums they resolve to with their
    /// capability mappings, and the problems found on the way (PA0002).
    /// </summary>
    internal sealed class AuditSetup
    {
        // Keyed by the compilation, then the options it is analyzed with; both are held weakly, so a compilation the host
        // drops takes its setup with it.
        private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, AuditSetup>> Setups =
            new ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, AuditSetup>>();

        private AuditSetup(AuditConfiguration configuration, ImmutableArray<ProviderTarget> targets, ImmutableArray<ConfigurationProblem> problems)
        {
            Configuration = configuration;
            Targets = targets;
            Problems = problems;
        }

        public AuditConfiguration Configuration { get; }

        /// <summary>The provider enums this compilation has (ApiProvider and the configured ones).</summary>
        public ImmutableArray<ProviderTarget> Targets { get; }

        /// <summary>Settings the audit cannot use: the configuration's own, then those found resolving the types.</summary>
        public ImmutableArray<ConfigurationProblem> Problems { get; }

        /// <summary>Nothing to look for: no provider enum, no string provider member.</summary>
        public bool FindsNothing => Targets.IsEmpty && Configuration.StringProviderMembers.IsEmpty;

        public static AuditSetup For(Compilation compilation, AnalyzerOptions options)
            => Setups.GetValue(compilation, _ => new ConditionalWeakTable<AnalyzerOptions, AuditSetup>())
                .GetValue(options, _ => Create(compilation, options));

        private static AuditSetup Create(Compilation compilation, AnalyzerOptions options)
        {
            var configuration = AuditConfiguration.Read(options, compilation);
            var problems = configuration.Problems.ToBuilder();
            var targets = ProviderTarget.Resolve(compilation, configuration, problems);
            return new AuditSetup(configuration, targets, problems.ToImmutable());
        }
    }
}
