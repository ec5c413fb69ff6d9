using System.Collections.Generic;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// The words of the audit's messages, in one place: what PA0001 tells to ask instead (the message's third argument), why a
    /// check has no automatic fix, and what is wrong with a setting (PA0002, <see cref="Configuration"/>). docs/rules/*.md quote
    /// these texts; a test keeps them equal.
    /// </summary>
    internal static class RuleTexts
    {
        /// <summary>PA0002's third argument: what is wrong with a <c>provider_audit.*</c> setting and how to fix it.</summary>
        public static class Configuration
        {
            /// <summary>How to write <c>additional_provider_types</c>.</summary>
            public const string ProviderTypesHowTo = "list fully-qualified enum names separated by commas, e.g. MyApp.Backends.BackendKind";

            /// <summary>How to write <c>string_provider_names</c>.</summary>
            public const string ProviderIdsHowTo = "list the provider ids that mean first party separated by commas, e.g. anthropic, first-party";

            /// <summary>How to write <c>string_provider_members</c>.</summary>
            public const string ProviderMembersHowTo = "list member names separated by commas, e.g. GetApiProvider, ProviderName, Split.provider";

            /// <summary><c>first_party_member</c> is not an identifier.</summary>
            public const string NotAnIdentifier = "not a C# identifier; name the enum member that means first party, e.g. FirstParty";

            /// <summary><c>first_party_member</c> differs between sections that apply to one project.</summary>
            public const string ConflictingSections = "set to different values in different .editorconfig sections; one project needs one value";

            public static string UnknownKey(IEnumerable<string> knownKeys) => "unknown ProviderAudit key; the known keys are " + string.Join(", ", knownKeys);

            public static string Empty(bool inList, string howTo) => (inList ? "empty entry in the list" : "empty value") + "; " + howTo + ", or remove the key";

            public static string NotQualifiedName(string entry) => "'" + entry + "' is not a fully-qualified type name; write Namespace.TypeName (nested types as Namespace.Outer+Inner)";

            public static string NotAnEnum(string typeName, string kind) => "'" + typeName + "' is a " + kind + ", not an enum; list only provider enums";

            public static string NoFirstPartyMember(string enumName, string member)
                => "enum '" + enumName + "' has no member '" + member + "'; set provider_audit.first_party_member to the member that means first party";

            public static string NotAMemberName(string entry)
                => "'" + entry + "' is not a member name; write the bare method/property name (GetApiProvider), or the member and the element of the tuple it returns (Split.provider, Split.Item1)";

            public static string IdTooLong(string start, int longest) => "'" + start + "…' is longer than " + longest + " characters; a provider id is a short name such as anthropic";

            public static string NotAnId(string id) => "'" + id + "' is not a provider id: use ASCII letters, digits and - _ . : / @ +, e.g. anthropic";

            public static string OtherBackendsId(string id, string backend)
                => "'" + id + "' is the " + backend + " backend's id in ApiProviderIds, so it cannot also mean first party; list only the ids your code uses for Anthropic's own API";
        }

        /// <summary>
        /// Why a check is reported without a rewrite, in the words the message uses after "(no automatic fix here: ", by
        /// <see cref="DiagnosticContract.NoFixReasons"/> value. Reasons the advice itself already explains
        /// (<see cref="DiagnosticContract.NoFixReasons.NoCapabilityMethods"/>, <see cref="DiagnosticContract.NoFixReasons.StringProviderName"/>)
        /// and the one no longer reported (<see cref="DiagnosticContract.NoFixReasons.UnknownProviderId"/>) have none.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> NoFixExplanations = new Dictionary<string, string>
        {
            [DiagnosticContract.NoFixReasons.ExpressionTree] = "a method call inside an expression tree changes what a LINQ/EF provider can translate",
            [DiagnosticContract.NoFixReasons.TupleEquality] = "no capability call can stand in for one element of a tuple comparison",
            [DiagnosticContract.NoFixReasons.UnderlyingValue] = "the check compares the enum's underlying number; compare the provider itself, or ask its capability",
            [DiagnosticContract.NoFixReasons.DefaultOrNullOperand] = "an operand is a default/null literal, so the check has a constant answer; remove it",
            [DiagnosticContract.NoFixReasons.GotoCaseTarget] = "a 'goto case' jumps to this label",
            [DiagnosticContract.NoFixReasons.BrokenSyntax] = "the check's own syntax has errors; fix them first",
            [DiagnosticContract.NoFixReasons.NamedProviderSet] = "the set is declared elsewhere and may be read by other code; ask the capability here and take the first-party member out of the set by hand",
            [DiagnosticContract.NoFixReasons.UnsupportedShape] = UnsupportedShapeExplanation,
        };

        private const string UnsupportedShapeExplanation = "the rewrite could not keep this exact shape";

        /// <summary>PA0001's advice for a check on a provider enum with capability methods.</summary>
        public static string AskCapability(string concern) => concern switch
        {
            DiagnosticContract.Concerns.ModelIdFormat => "ask provider.ModelIdFormat().IsFirstParty",
            DiagnosticContract.Concerns.AuthTransport => "ask provider.AuthTransport().IsFirstParty",
            _ => "decide which one this check means and ask provider.ModelIdFormat().IsFirstParty or provider.AuthTransport().IsFirstParty",
        };

        /// <summary>PA0001's advice for a fixable provider-name check: read the id with the host's first-party ids, ask the capability.</summary>
        public static string AskCapabilityOfId(string concern, string firstPartyIds)
        {
            var find = "ApiProviderIds.Find(id" + (firstPartyIds.Length == 0 ? string.Empty : ", \"" + firstPartyIds.Replace(",", "\", \"") + "\"") + ")";
            return concern switch
            {
                DiagnosticContract.Concerns.ModelIdFormat => "ask " + find + "?.ModelIdFormat().IsFirstParty == true",
                DiagnosticContract.Concerns.AuthTransport => "ask " + find + "?.AuthTransport().IsFirstParty == true",
                _ => "decide which one this check means and ask " + find + "?.ModelIdFormat().IsFirstParty == true or " + find + "?.AuthTransport().IsFirstParty == true",
            };
        }

        /// <summary>PA0001's advice for a provider-name check in a compilation without <c>ApiProviderIds</c>.</summary>
        public const string ResolveBackendFirst = "resolve the backend and ask its capability (ModelIdFormat.IsFirstParty or AuthTransport.IsFirstParty) instead of its name";

        /// <summary>PA0001's advice for a check on an enum without a mapping that PA0003's fix makes fixable.</summary>
        public static string FixableAfterMapping(string enumName, string concern)
            => "becomes fixable with PA0003's fix: once 'Add capability mapping' gives " + enumName + " ToApiProvider(), ModelIdFormat() and AuthTransport(), "
               + concern switch
               {
                   DiagnosticContract.Concerns.ModelIdFormat => "this check's fix asks provider.ModelIdFormat().IsFirstParty",
                   DiagnosticContract.Concerns.AuthTransport => "this check's fix asks provider.AuthTransport().IsFirstParty",
                   _ => "this check's fixes ask provider.ModelIdFormat().IsFirstParty (the default) or provider.AuthTransport().IsFirstParty",
               };

        /// <summary>PA0001's advice for a check on an enum without a mapping whose check has no capability fix even after PA0003's.</summary>
        public static string MapThenRewriteByHand(string enumName)
            => "give " + enumName + " a capability mapping first (PA0003's fix adds ToApiProvider(), ModelIdFormat() and AuthTransport()), then rewrite this check by hand to ask the capability it means (the capability fixes do not rewrite its shape)";

        /// <summary>PA0001's advice for a check on an enum whose mapping PA0003's fix cannot write.</summary>
        public static string MapByHand(string enumName)
            => "give " + enumName + " ModelIdFormat() and AuthTransport() extension methods by hand (PA0003's fix cannot write them here: see PA0003's documentation), then ask the capability this check means";

        /// <summary>The advice followed by why there is no fix, where the advice does not already say it.</summary>
        public static string WithNoFixReason(string advice, string? noFixReason)
            => noFixReason is null
               || noFixReason == DiagnosticContract.NoFixReasons.StringProviderName
               || noFixReason == DiagnosticContract.NoFixReasons.NoCapabilityMethods
                ? advice
                : advice + " (no automatic fix here: " + (NoFixExplanations.TryGetValue(noFixReason, out var why) ? why : UnsupportedShapeExplanation) + ")";
    }
}
