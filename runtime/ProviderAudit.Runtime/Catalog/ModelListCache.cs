using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProviderAudit.Runtime.Settings;

namespace ProviderAudit.Runtime.Catalog;

/// <summary>One backend's list as kept: what it was fetched for (the key), when, and the models.</summary>
internal sealed record CachedModelList(string Key, DateTimeOffset FetchedAt, IReadOnlyList<(string Id, string DisplayName)> Models);

/// <summary>
/// Model lists by key, in memory and (with a directory) on disk: one JSON file per key, named by and holding its SHA-256 (never the key itself), written to a
/// temporary file and renamed over the old one (a reader sees the old list or the new one, never half), read through
/// <see cref="BoundedFile"/> (a regular file under the cap, within the deadline). A file that is unreadable, malformed,
/// for another key or holding ids no backend would send is ignored (the list is fetched again). At most
/// <c>maxEntries</c> lists: the oldest go first.
/// </summary>
internal sealed class ModelListCache(string? directory, int maxEntries)
{
    /// <summary>The most a cache file may hold (a list of a few hundred models is tens of KB).</summary>
    public const long FileCap = 256 * 1024;

    private const int MaxModels = 1000;
    private const int MaxIdLength = 256;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly ConcurrentDictionary<string, CachedModelList> _memory = new(StringComparer.Ordinal);

    public string? Directory => directory;

    public bool TryGet(string key, out CachedModelList entry)
    {
        if (_memory.TryGetValue(key, out entry!))
        {
            return true;
        }

        if (directory is not null && ReadFile(PathFor(key), key) is { } fromDisk)
        {
            _memory[key] = entry = fromDisk;
            return true;
        }

        return false;
    }

    public void Put(CachedModelList entry)
    {
        _memory[entry.Key] = entry;
        while (_memory.Count > maxEntries && _memory.Values.MinBy(e => e.FetchedAt) is { } oldest)
        {
            _memory.TryRemove(oldest.Key, out _);
        }

        if (directory is not null)
        {
            TryWrite(entry);
        }
    }

    private string PathFor(string key) => Path.Combine(directory!, Hash(key)[..32] + ".json");

    // Files hold the key's hash, not the key: a base URL may carry something its owner would not write to disk.
    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static CachedModelList? ReadFile(string path, string key)
    {
        var read = BoundedFile.Read(path, "Model list cache file", "the model list cache directory", FileCap);
        if (read.Content is not { } content)
        {
            return null;
        }

        try
        {
            var file = JsonSerializer.Deserialize<CacheFile>(content, Json);
            if (file is null || file.Version != 1 || !string.Equals(file.Key, Hash(key), StringComparison.Ordinal) || file.Models is null || file.Models.Count > MaxModels)
            {
                return null;
            }

            var models = file.Models.Select(m => (m.Id ?? "", m.DisplayName ?? m.Id ?? "")).ToArray();
            return models.All(m => IsPlausibleId(m.Item1) && m.Item2.Length <= MaxIdLength && !m.Item2.Any(char.IsControl))
                ? new CachedModelList(key, file.FetchedAt, models)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A cache file is not trusted to hold what the runtime wrote: an id goes into requests and messages.
    private static bool IsPlausibleId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => c is > ' ' and < (char)127);

    private void TryWrite(CachedModelList entry)
    {
        var path = PathFor(entry.Key);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            CreatePrivateDirectory(directory!);
            var file = new CacheFile
            {
                Version = 1,
                Key = Hash(entry.Key),
                FetchedAt = entry.FetchedAt,
                Models = entry.Models.Select(m => new CacheModel { Id = m.Id, DisplayName = m.DisplayName }).ToList(),
            };
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(file, Json));
            File.Move(temporary, path, overwrite: true);
            Prune();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs one listing per process, nothing else.
            TryDelete(temporary);
        }
    }

    private void Prune()
    {
        var files = new DirectoryInfo(directory!).GetFiles("*.json");
        foreach (var stale in files.OrderByDescending(f => f.LastWriteTimeUtc).Skip(maxEntries))
        {
            TryDelete(stale.FullName);
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune.
        }
    }

    private sealed class CacheFile
    {
        public int Version { get; set; }

        public string? Key { get; set; }

        public DateTimeOffset FetchedAt { get; set; }

        public List<CacheModel>? Models { get; set; }
    }

    private sealed class CacheModel
    {
        public string? Id { get; set; }

        public string? DisplayName { get; set; }
    }
}
