using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace FichesSite.Tests.Serve;

/// <summary>
/// `serve` as an author runs it, in its own process, stopped by a signal as a terminal or a service manager stops it
/// (Process.Kill would send SIGKILL, which proves nothing): it ends within seconds with exit code 0 and a French
/// line, its port closed; a rebuild under way is abandoned, and the site is left whole.
/// </summary>
public sealed class StopTests(ITestOutputHelper log) : IDisposable
{
    private const string SIGHUP = "HUP", SIGINT = "INT", SIGTERM = "TERM";
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10); // the stop's grace (5 s) and a loaded machine's start

    private readonly TestSite _site = new();
    private readonly StringBuilder _output = new();
    private Process? _preview;

    public void Dispose()
    {
        if (_preview is { HasExited: false })
        {
            _preview.Kill(entireProcessTree: true);
        }
        _preview?.Dispose();
        _site.Dispose();
    }

    [SkippableTheory]
    [InlineData(SIGINT, "Ctrl+C")]
    [InlineData(SIGTERM, "SIGTERM")]
    [InlineData(SIGHUP, "SIGHUP")]
    public async Task A_signal_stops_the_preview_promptly_and_closes_its_port(string signal, string named)
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        var port = await StartPreview();
        using (var http = new HttpClient())
        {
            Assert.Contains("Fiches d’information patients", await http.GetStringAsync($"http://127.0.0.1:{port}/"));
        }

        var exitCode = await Stop(signal);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Aperçu arrêté ({named})", Output());
        AssertClosed(port);
    }

    [SkippableFact]
    public async Task A_stop_during_a_rebuild_abandons_it_and_leaves_the_site_whole()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        AddSheets();
        var port = await StartPreview();
        var published = Directory.GetFiles(_site.Output, "index.html", SearchOption.AllDirectories).Length;
        var siteYml = Path.Combine(_site.Input, "site.yml");
        // site.yml changed: every page changes, so the whole site is rebuilt in a staging folder beside the output.
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("Centre hospitalier Exemple\"", "Centre hospitalier Modifié\"", StringComparison.Ordinal));
        await WaitForStaging();

        var exitCode = await Stop(SIGTERM);

        Assert.Equal(0, exitCode);
        AssertClosed(port);
        Assert.Contains("Aperçu arrêté (SIGTERM)", Output());
        // Signalled while the pages were being written, before the build's last check: it publishes nothing. It stops at
        // that check and removes its staging folder, or, on a machine too slow to reach it within the grace, is cut
        // off with the process and leaves the staging folder to the next build.
        log.WriteLine(Output());
        if (Output().Contains("n’a pas fini ses vérifications à temps", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("reconstruction abandonnée", Output());
        }
        else
        {
            Assert.Contains("modification de site.yml : reconstruction abandonnée à l’arrêt de l’aperçu ; rien n’a été publié", Output());
            Assert.Empty(Staging());
        }
        var pages = Directory.GetFiles(_site.Output, "index.html", SearchOption.AllDirectories);
        Assert.Equal(published, pages.Length);
        Assert.All(pages, p => Assert.DoesNotContain("Centre hospitalier Modifié", File.ReadAllText(p), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_stop_during_the_first_build_publishes_nothing()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX signals");
        AddSheets();
        var started = StartPreview();
        await WaitForStaging();

        var exitCode = await Stop(SIGINT);

        Assert.Equal(0, exitCode);
        Assert.False(started.IsCompleted, "the preview started serving before the build was abandoned");
        Assert.Contains("Aperçu arrêté (Ctrl+C)", Output());
        Assert.False(Directory.Exists(_site.Output), "a site was published by the abandoned first build");
    }

    // Enough sheets for a full build to last while the signal arrives.
    private void AddSheets()
    {
        var sheet = File.ReadAllText(Path.Combine(_site.Input, "fiches", "cimentoplastie-metastases-osseuses.md"));
        for (var i = 0; i < 400; i++)
        {
            File.WriteAllText(Path.Combine(_site.Input, "fiches", $"copie-{i:000}.md"), sheet);
        }
    }

    // A full build writes its pages into a staging folder beside the output, then swaps it in: while that folder
    // exists, the build is under way and has published nothing yet.
    private async Task WaitForStaging()
    {
        var waited = Stopwatch.StartNew();
        while (Staging().Length == 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(5);
        }
        Assert.NotEmpty(Staging());
    }

    private string[] Staging() =>
        Directory.GetDirectories(_site.Root).Where(d => Path.GetFileName(d).StartsWith("_site.building-", StringComparison.Ordinal)).ToArray();

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    // The generator as built beside the tests (Site.dll and its runtimeconfig), run by dotnet, on a port the system chooses.
    private async Task<int> StartPreview()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(Program).Assembly.Location, "serve", "--input", _site.Input, "--theme", _site.Theme, "--output", _site.Output, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }
        var url = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _preview = new Process { StartInfo = start };
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not { } line)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
            }
            if (line.StartsWith("Aperçu sur http://127.0.0.1:", StringComparison.Ordinal))
            {
                var port = line["Aperçu sur http://127.0.0.1:".Length..].Split('/')[0];
                url.TrySetResult(int.Parse(port, CultureInfo.InvariantCulture));
            }
        }
        _preview.OutputDataReceived += Read;
        _preview.ErrorDataReceived += Read;
        _preview.Start();
        _preview.BeginOutputReadLine();
        _preview.BeginErrorReadLine();
        return await url.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    // kill(1), as a terminal's Ctrl+C or a service manager would signal the process.
    private async Task<int> Stop(string signal)
    {
        using (var kill = Process.Start("kill", ["-s", signal, _preview!.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }
        using var timeout = new CancellationTokenSource(Prompt);
        try
        {
            await _preview.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the preview still ran {Prompt.TotalSeconds} s after signal {signal}\n{Output()}");
        }
        return _preview.ExitCode;
    }

    private static void AssertClosed(int port)
    {
        using var client = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => client.Connect(IPAddress.Loopback, port));
    }
}
