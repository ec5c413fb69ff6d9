using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderAudit.GatewayEmulator;

/// <summary>The bodies the emulator answers successful requests with, in the Messages API shapes.</summary>
public static class GatewayResponses
{
    /// <summary>A non-streaming Messages answer.</summary>
    public static string Message(string id, string model, string text, int inputTokens) =>
        JsonSerializer.Serialize(new
        {
            id,
            type = "message",
            role = "assistant",
            model,
            content = new[] { new { type = "text", text } },
            stop_reason = "end_turn",
            stop_sequence = (string?)null,
            usage = Usage(inputTokens, OutputTokens(text)),
        });

    /// <summary>The server-sent events of a streaming Messages answer.</summary>
    public static string MessageStream(string id, string model, string text, int inputTokens)
    {
        var events = new StringBuilder();
        void Event(string name, object data) =>
            events.Append("event: ").Append(name).Append('\n').Append("data: ").Append(JsonSerializer.Serialize(data)).Append("\n\n");

        Event("message_start", new
        {
            type = "message_start",
            message = new
            {
                id,
                type = "message",
                role = "assistant",
                model,
                content = Array.Empty<object>(),
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = Usage(inputTokens, 1),
            },
        });
        Event("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
        foreach (var piece in Pieces(text))
        {
            Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = piece } });
        }

        Event("content_block_stop", new { type = "content_block_stop", index = 0 });
        Event("message_delta", new
        {
            type = "message_delta",
            delta = new { stop_reason = "end_turn", stop_sequence = (string?)null },
            usage = new { output_tokens = OutputTokens(text) },
        });
        Event("message_stop", new { type = "message_stop" });
        return events.ToString();
    }

    /// <summary>A count_tokens answer.</summary>
    public static string CountTokens(int inputTokens) => JsonSerializer.Serialize(new { input_tokens = inputTokens });

    /// <summary>A <c>/v1/models</c> page holding <paramref name="models"/>.</summary>
    public static string ModelList(IReadOnlyList<string> models, bool hasMore = false) =>
        JsonSerializer.Serialize(new
        {
            data = models.Select(ModelInfo).ToArray(),
            has_more = hasMore,
            first_id = models.FirstOrDefault(),
            last_id = models.LastOrDefault(),
        });

    /// <summary>One model's description.</summary>
    public static object ModelInfo(string id) =>
        new { type = "model", id, display_name = id, created_at = "2025-01-01T00:00:00Z" };

    /// <summary>A rough token count for a request body: one token per four characters of message text.</summary>
    public static int EstimateInputTokens(JsonNode? body)
    {
        var characters = 0;
        foreach (var message in body?["messages"]?.AsArray() ?? [])
        {
            var content = message?["content"];
            if (content is JsonValue)
            {
                characters += content.GetValue<string>().Length;
            }
            else if (content is JsonArray blocks)
            {
                characters += blocks.Sum(b => b?["text"]?.GetValue<string>().Length ?? 0);
            }
        }

        return Math.Max(1, characters / 4);
    }

    private static object Usage(int inputTokens, int outputTokens) => new
    {
        input_tokens = inputTokens,
        output_tokens = outputTokens,
        cache_creation_input_tokens = 0,
        cache_read_input_tokens = 0,
    };

    private static int OutputTokens(string text) => Math.Max(1, text.Length / 4);

    private static IEnumerable<string> Pieces(string text)
    {
        const int size = 8;
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
