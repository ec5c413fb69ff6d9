using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ProviderAudit.Runtime.Processes;

/// <summary>
/// The process trees the runtime started and that are still running (host commands: <c>credential_process</c>,
/// <c>awsAuthRefresh</c>, <c>awsCredentialExport</c>). Each is killed as a whole when its run is cut short, and every
/// one still running when this process exits — normally, or on SIGINT, SIGTERM, SIGHUP or SIGQUIT — so none outlives it.
/// </summary>
internal static class OwnedProcesses
{
    private const int SigKill = 9;

    private static readonly ConcurrentDictionary<int, Entry> Running = new();
    private static readonly object InstallGate = new();
    private static bool s_installed;
    private static readonly List<PosixSignalRegistration> Signals = [];

    /// <summary>
    /// The command that starts a program in a new process group (and session) on this machine, or null when there is
    /// none: <c>setsid</c> (Linux, util-linux), else <c>perl -e 'setpgrp(0,0); exec @ARGV'</c> (macOS ships Perl).
    /// </summary>
    public static IReadOnlyList<string>? GroupLauncher { get; } = FindGroupLauncher();

    /// <summary>How many owned trees are running now (tests).</summary>
    public static int Count => Running.Count;

    /// <summary>Owns <paramref name="process"/> until the returned handle is released or disposed (disposing kills what is left).</summary>
    public static Handle Register(Process process, bool grouped)
    {
        InstallExitHandlers();
        var entry = new Entry(process, grouped);
        Running[process.Id] = entry;
        return new Handle(entry);
    }

    private static void KillAll()
    {
        foreach (var entry in Running.Values)
        {
            entry.Kill();
        }
    }

    private static void InstallExitHandlers()
    {
        lock (InstallGate)
        {
            if (s_installed)
            {
                return;
            }

            s_installed = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            if (!OperatingSystem.IsWindows())
            {
                // Kill ours, then let the signal take its default course (the handler does not cancel it).
                Signals.AddRange(new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
                    .Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll())));
            }
        }
    }

    private static IReadOnlyList<string>? FindGroupLauncher()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        foreach (var setsid in new[] { "/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid" })
        {
            if (File.Exists(setsid))
            {
                return [setsid];
            }
        }

        return File.Exists("/usr/bin/perl") ? ["/usr/bin/perl", "-e", "setpgrp(0,0); exec @ARGV or exit 127"] : null;
    }

    // int32_t SystemNative_Kill(int32_t pid, int32_t signal): kill(2) as .NET's own Process.Kill calls it; a negative
    // pid signals the whole process group.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);

    /// <summary>One owned tree.</summary>
    internal sealed class Entry(Process process, bool grouped)
    {
        private int _done;

        public void Kill()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
            {
                return;
            }

            Running.TryRemove(process.Id, out _);
            try
            {
                if (grouped && !OperatingSystem.IsWindows())
                {
                    // The group's id is the shell's pid (setsid/setpgrp made it the leader); this reaches orphans too.
                    NativeKill(-process.Id, SigKill);
                }

                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited already.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Likewise, on the way out.
            }
        }

        public void Release()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Running.TryRemove(process.Id, out _);
            }
        }

        /// <summary>Kills the group even after release (the run's own leftovers after a cut-short wait).</summary>
        public void KillGroupAnyway()
        {
            if (grouped && !OperatingSystem.IsWindows())
            {
                NativeKill(-process.Id, SigKill);
            }
        }
    }

    /// <summary>The runner's hold on one tree.</summary>
    internal readonly struct Handle(Entry entry) : IDisposable
    {
        /// <summary>Kills the tree now.</summary>
        public void Kill()
        {
            entry.Kill();
            entry.KillGroupAnyway();
        }

        /// <summary>The command finished: it is no longer killed on exit.</summary>
        public void Release() => entry.Release();

        /// <summary>Kills whatever is left unless released.</summary>
        public void Dispose() => entry.Kill();
    }
}
