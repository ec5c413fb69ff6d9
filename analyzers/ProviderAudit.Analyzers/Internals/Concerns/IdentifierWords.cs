using System.Collections.Generic;
using System.Text;

namespace ProviderAudit.Analyzers.Internals.Concerns
{
    /// <summary>
    /// The lower-case words of an identifier or a string: split at anything that is not a letter or digit, at a lower-case
    /// letter or digit followed by an upper-case one, at the last capital of a run followed by a lower-case letter
    /// (<c>nextPageToken</c> → next, page, token; <c>HTTPClient</c> → http, client; <c>max_tokens</c> → max, tokens).
    /// </summary>
    internal static class IdentifierWords
    {
        public static List<string> Split(string text)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(current, words);
                    continue;
                }

                if (current.Length > 0)
                {
                    var previous = text[i - 1];
                    var next = i + 1 < text.Length ? text[i + 1] : '\0';
                    if ((char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
                        || (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next))
                        || char.IsDigit(c) != char.IsDigit(previous))
                    {
                        Flush(current, words);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(current, words);
            return words;
        }

        private static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
