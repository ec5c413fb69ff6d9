using System;

namespace ProviderAudit.Analyzers
{
    /// <summary>
    /// Words that tie code to one capability. Model-id format: model ids, catalog, aliases, <c>claude-…</c>
    /// strings. Auth/endpoint transport: known header names (not every <c>anthropic-…</c> string is a header), API keys, tokens, OAuth, login/"Connect Anthropic", base
    /// URLs/endpoints/hosts, credentials, HTTP clients. Matching is by case-insensitive substring, with the
    /// few common words that contain a transport word but are not about transport excluded.
    /// </summary>
    internal static class SignalVocabulary
    {
        private static readonly string[] ModelIdentifierWords = { "model", "catalog", "alias" };

        private static readonly string[] TransportIdentifierWords =
        {
            "header", "apikey", "api_key", "oauth", "login", "logon", "signin", "connectanthropic", "baseurl", "baseuri",
            "baseaddress", "endpoint", "hostname", "credential", "http", "bearer", "sigv4", "authtransport",
            "authoriz", "authenticat", "token", "secret",
        };

        /// <summary>Identifiers that contain a transport word without being about transport.</summary>
        private static readonly string[] NotTransportIdentifiers = { "cancellationtoken", "maxtoken", "inputtoken", "outputtoken", "tokencount", "tokenizer" };

        private static readonly string[] TransportStringFragments =
        {
            "api_key", "apikey", "api-key", "auth_token", "oauth", "bearer", "token", "login", "credential", "base_url",
            "://", "api.anthropic.com", "connect anthropic", "log in", "sign in", "aws_",
        };

        private static readonly string[] HeaderNames =
        {
            "x-api-key", "authorization", "anthropic-version", "anthropic-beta", "anthropic-workspace-id",
            "anthropic-organization-id", "anthropic-dangerous-direct-browser-access", "x-amz-date", "x-amz-security-token",
            "x-amz-content-sha256",
        };

        public static bool IsModelIdentifier(string identifier)
            => ContainsAny(identifier, ModelIdentifierWords);

        public static bool IsTransportIdentifier(string identifier)
        {
            if (ContainsAny(identifier, NotTransportIdentifiers))
            {
                return false;
            }

            return ContainsAny(identifier, TransportIdentifierWords)
                || identifier.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || identifier.Equals("Uri", StringComparison.OrdinalIgnoreCase)
                || identifier.Equals("Url", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A reason naming the model id, or null. Only id-shaped strings are quoted back.</summary>
        public static string? ModelStringReason(string text)
        {
            if (text.IndexOf("claude-", StringComparison.OrdinalIgnoreCase) >= 0 && IsIdShaped(text))
            {
                return "uses model id '" + text + "'";
            }

            if (text.IndexOf("claude-", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("_MODEL", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "uses a model-id string";
            }

            return null;
        }

        /// <summary>
        /// A reason naming the header, or the transport word found. Other strings are never quoted back:
        /// they may hold a key or token, and diagnostics end up in build logs.
        /// </summary>
        public static string? TransportStringReason(string text)
        {
            foreach (var header in HeaderNames)
            {
                if (text.Equals(header, StringComparison.OrdinalIgnoreCase))
                {
                    return "uses header '" + text + "'";
                }
            }

            foreach (var fragment in TransportStringFragments)
            {
                if (text.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return fragment == "://" ? "uses an endpoint URL" : "uses a string mentioning '" + fragment + "'";
                }
            }

            return null;
        }

        private static bool ContainsAny(string text, string[] words)
        {
            foreach (var word in words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIdShaped(string text)
        {
            if (text.Length == 0 || text.Length > 64)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '@' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
