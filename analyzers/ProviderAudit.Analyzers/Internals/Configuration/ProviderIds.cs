using System;
using System.Collections.Immutable;

namespace ProviderAudit.Analyzers.Internals.Configuration
{
    /// <summary>
    /// The ids <c>ProviderAudit.Runtime.ApiProviderIds</c> reads (ignoring case), as the analyzer needs them without loading
    /// the runtime: the first-party ones (a string check comparing with them needs no id of the host's passed to
    /// <c>ApiProviderIds.Find</c>), and the other backends' (which a host cannot declare first party). A test keeps both
    /// equal to <c>ApiProviderIds.Accepted</c>.
    /// </summary>
    internal static class ProviderIds
    {
        public static readonly ImmutableArray<string> FirstParty = ImmutableArray.Create("first-party", "firstParty");

        /// <summary>Every other backend's id and telemetry label, with the backend's <c>ApiProvider</c> member name.</summary>
        public static readonly ImmutableArray<(string Id, string Backend)> OtherBackends = ImmutableArray.Create(
            ("bedrock", "Bedrock"),
            ("vertex", "Vertex"),
            ("foundry", "Foundry"),
            ("claude-platform-aws", "ClaudePlatformAws"),
            ("claudePlatformAws", "ClaudePlatformAws"));

        public static bool IsFirstParty(string id)
        {
            foreach (var known in FirstParty)
            {
                if (string.Equals(known, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The backend <paramref name="id"/> names if it is another backend's id; null otherwise.</summary>
        public static string? OtherBackendOf(string id)
        {
            foreach (var (known, backend) in OtherBackends)
            {
                if (string.Equals(known, id, StringComparison.OrdinalIgnoreCase))
                {
                    return backend;
                }
            }

            return null;
        }
    }
}
