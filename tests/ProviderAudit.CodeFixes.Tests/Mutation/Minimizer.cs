using System.Diagnostics;

namespace ProviderAudit.CodeFixes.Tests.Mutation;

/// <summary>
/// Shrinks a failing program to one where no single run of tokens can be removed without the failure going away
/// (delta debugging over tokens: halves, then quarters, … then single tokens), within a time budget.
/// </summary>
internal static class Minimizer
{
    public static async Task<string> MinimizeAsync(string text, Func<string, Task<bool>> stillFails, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var pieces = TokenProgram.Parse(text).Pieces.ToList();
        for (var chunk = Math.Max(1, pieces.Count / 2); chunk >= 1 && clock.Elapsed < budget; chunk /= 2)
        {
            var removed = true;
            while (removed && clock.Elapsed < budget)
            {
                removed = false;
                for (var start = 0; start < pieces.Count && clock.Elapsed < budget; start += chunk)
                {
                    var candidate = pieces.Take(start).Concat(pieces.Skip(start + chunk)).ToList();
                    if (await stillFails(TokenProgram.Of(candidate).ToString()))
                    {
                        pieces = candidate;
                        removed = true;
                        start -= chunk;
                    }
                }
            }
        }

        return TokenProgram.Of(pieces).ToString();
    }
}
