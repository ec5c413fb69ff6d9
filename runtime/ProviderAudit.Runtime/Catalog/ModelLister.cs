using Anthropic;
using Anthropic.Models.Models;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>Every page of <c>/v1/models</c> through the official client's <c>Models.List</c> (cursor paging by <c>after_id</c>).</summary>
internal static class ModelLister
{
    public static async Task<IReadOnlyList<(string Id, string DisplayName)>> ListAsync(IAnthropicClient client, int? pageSize, int maxPages, CancellationToken cancellationToken)
    {
        var page = await client.Models.List(new ModelListParams { Limit = pageSize }, cancellationToken).ConfigureAwait(false);
        var models = new List<(string, string)>();
        for (var pages = 1; ; pages++)
        {
            models.AddRange(page.Items.Select(m => (m.ID, m.DisplayName)));
            if (!page.HasNext())
            {
                return models;
            }

            if (pages >= maxPages)
            {
                throw new InvalidDataException($"/v1/models still had more after {maxPages} pages; the list was not used.");
            }

            page = await page.Next(cancellationToken).ConfigureAwait(false);
        }
    }
}
