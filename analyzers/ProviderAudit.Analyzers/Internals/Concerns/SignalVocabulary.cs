using System;
using System.Collections.Generic;

namespace ProviderAudit.Analyzers.Internals.Concerns
{
    /// <summary>
    /// Words that tie code to one capability. Model-id format: model ids, catalog, aliases, <c>claude-…</c>
    /// strings. Auth/endpoint transport: known header names (not every <c>anthropic-…</c> string is a header), API keys,
    /// auth tokens, OAuth, login/"Connect Anthropic", base URLs/endpoints/hosts, <c>/v1/</c> API paths, credentials, HTTP
    /// clients. Matching is by case-insensitive substring, except for "token": it is auth only as a word of its own whose
    /// neighbours do not make it pagination (<c>PageToken</c>, <c>NextToken</c>, <c>ContinuationToken</c>), usage
    /// (<c>MaxTokens</c>, <c>InputTokens</c>, <c>TokenCount</c>) or something else (<c>CancellationToken</c>, <c>SyntaxToken</c>).
    /// </summary>
    internal static class SignalVocabulary
    {
        private static readonly string[] ModelIdentifierWords = { "model", "catalog", "alias" };

        private static readonly string[] TransportIdentifierWords =
        {
            "header", "apikey", "api_key", "oauth", "login", "logon", "signin", "connectanthropic", "baseurl", "baseuri",
            "baseaddress", "endpoint", "hostname", "credential", "http", "bearer", "sigv4", "authtransport",
            "authoriz", "authenticat", "secret",
        };

        private static readonly string[] TransportStringFragments =
        {
            "api_key", "apikey", "api-key", "auth_token", "oauth", "bearer", "login", "credential", "base_url",
            "://", "api.anthropic.com", "connect anthropic", "log in", "sign in", "aws_", "/v1/",
        };

        /// <summary>Words before "token" that make it something other than an auth token: pagination, usage, cancellation, parsing.</summary>
        private static readonly HashSet<string> NotAuthBeforeToken = new HashSet<string>(StringComparer.Ordinal)
        {
            "page", "next", "previous", "prev", "continuation", "pagination", "paging", "cursor", "resume", "sync", "start", "end", "stop",
            "max", "min", "input", "output", "total", "prompt", "completion", "cache", "context", "reasoning", "thinking",
            "cancellation", "cancel", "syntax", "lexer", "parse", "parser",
        };

        /// <summary>Words after "token" that make it a count or a limit.</summary>
        private static readonly HashSet<string> NotAuthAfterToken = new HashSet<string>(StringComparer.Ordinal)
        {
            "count", "counts", "counter", "limit", "limits", "usage", "budget", "estimate",
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
            return ContainsAny(identifier, TransportIdentifierWords)
                || MentionsAuthToken(identifier)
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
                    return fragment == "://" ? "uses an endpoint URL"
                        : fragment == "/v1/" ? "uses an API path"
                        : "uses a string mentioning '" + fragment + "'";
                }
            }

            return MentionsAuthToken(text) ? "uses a string mentioning 'token'" : null;
        }

        /// <summary>
        /// "token" as a word (<c>AccessToken</c>, <c>auth_token</c>, <c>token</c>) that is not pagination, usage or anything
        /// else its neighbours make it: a singular word, not after <see cref="NotAuthBeforeToken"/>, not before
        /// <see cref="NotAuthAfterToken"/> (<c>tokens</c>, <c>max_tokens</c>, <c>nextPageToken</c> and <c>TokenCount</c> are not).
        /// </summary>
        public static bool MentionsAuthToken(string text)
        {
            if (text.IndexOf("token", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var words = IdentifierWords.Split(text);
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i] == "token"
                    && (i == 0 || !NotAuthBeforeToken.Contains(words[i - 1]))
                    && (i + 1 == words.Count || !NotAuthAfterToken.Contains(words[i + 1])))
                {
                    return true;
                }
            }

            return false;
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
