using System.Collections.Generic;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// The words of the audit's messages, in one place: what PA0001 tells to ask instead (the message's third argument), and
    /// why a check has no automatic fix. docs/rules/*.md quote these texts; a test keeps them equal.
    /// </summary>
    internal static class RuleTexts
    {
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
