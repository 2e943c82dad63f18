using System.CommandLine;
using System.Globalization;
using FichesSite.Build;

namespace FichesSite;

/// <summary>
/// Command line: « build » (the default) writes the site, « check » runs every check and writes
/// nothing, « serve » previews the site and rebuilds it on every change, « pdf » prints the built
/// sheets as PDF handouts, « new » starts a sheet from its kind's contract, « package » makes the built site a package
/// for mirrors (zip, manifest, sums).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Pipeline.TerminalWriter.Install();
        var input = new Option<string>("--input") { Description = "Dossier du contenu (site.yml, fiches/, pages/)", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "Dossier du thème (layouts/, partials/, assets/, i18n/)", DefaultValueFactory = _ => "theme" };
        var output = new Option<string>("--output") { Description = "Dossier du site produit (par défaut _site, ou _intranet avec --target intranet)", DefaultValueFactory = _ => "_site" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Adresse du site construit (remplace base_url de site.yml, ou intranet_base_url avec --target intranet)" };
        var target = new Option<string>("--target")
        {
            Description = "Site à construire : public (par défaut) ou intranet (avec les blocs « ::: interne » et les champs internes des services)",
            DefaultValueFactory = _ => Pipeline.BuildTargets.PublicName,
        };
        target.Validators.Add(r =>
        {
            if (Pipeline.BuildTargets.Parse(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError($"--target : « {r.GetValueOrDefault<string>()} » n’est pas un site possible. Écrivez --target public (le site public, par défaut) ou --target intranet (le site interne).");
            }
        });
        var strict = new Option<bool>("--strict") { Description = "Les avertissements font échouer la construction" };
        var timings = new Option<bool>("--timings") { Description = "Affiche la durée de chaque étape" };
        var report = new Option<string?>("--report") { Description = "Fichier du rapport de révision (JSON) ; par défaut reports/revue.json à côté du dossier de contenu" };

        var root = new RootCommand("Construit le site des fiches d’information patients.") { input, theme, output, baseUrl, target, strict, timings, report };
        var build = new Command("build", "Construit le site dans le dossier de sortie (commande par défaut).") { input, theme, output, baseUrl, target, strict, timings, report };
        var check = new Command("check", "Vérifie tout le contenu sans rien écrire (sauf le rapport de révision, si --report est donné).") { input, theme, baseUrl, target, strict, timings, report };
        var port = new Option<int>("--port") { Description = "Port d’écoute de l’aperçu (le suivant libre s’il est pris)", DefaultValueFactory = _ => 8080 };
        var serve = new Command("serve", "Construit, sert le site sur http://127.0.0.1 et le reconstruit à chaque modification.") { input, theme, output, baseUrl, target, port };
        var site = new Option<string>("--output") { Description = "Dossier du site déjà construit", DefaultValueFactory = _ => "_site" };
        var chromium = new Option<string?>("--chromium") { Description = "Chemin de Chromium (sinon la variable CHROMIUM_PATH, sinon /usr/bin/chromium)" };
        var pdf = new Command("pdf", "Imprime chaque fiche du site construit en PDF (dossier pdf/ du site), avec Chromium.") { site, chromium };
        var kind = new Argument<string>("type") { Description = "Type de fiche, tel que dans input/contracts.yml (fiche-procedure, fiche-examen…)" };
        var title = new Argument<string>("titre") { Description = "Titre de la fiche, entre guillemets" };
        var packageTo = new Option<string>("--to") { Description = "Dossier où écrire le paquet (le zip, manifest.json et SHA256SUMS)", DefaultValueFactory = _ => "_package" };
        // « --version » is the root command's own (System.CommandLine prints the generator's version with it).
        var packageVersion = new Option<string?>("--package-version") { Description = "Version du paquet, dans le nom du zip (par défaut : la date de construction et le début du commit)" };
        var package = new Command("package", "Écrit le paquet du site construit pour les miroirs : fiches-<cible>-<version>.zip, manifest.json et SHA256SUMS.") { site, packageTo, packageVersion };
        var newSheet = new Command("new", "Écrit input/fiches/<nom>.md à compléter : l’en-tête et les sections du type de fiche, chacune avec un repère « [À compléter : …] ».") { kind, title, input };
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(pdf);
        root.Subcommands.Add(newSheet);
        root.Subcommands.Add(package);

        Pipeline.BuildTarget TargetOf(ParseResult r) => Pipeline.BuildTargets.Parse(r.GetValue(target)) ?? Pipeline.BuildTarget.Public;
        // Each site its own folder by default, so that building one never replaces the other.
        string OutputOf(ParseResult r) => r.GetResult(output) is { Implicit: false } || TargetOf(r) == Pipeline.BuildTarget.Public ? r.GetValue(output)! : "_intranet";
        BuildOptions Options(ParseResult r, bool write) => new(
            r.GetValue(input)!, r.GetValue(theme)!, write ? OutputOf(r) : null, r.GetValue(baseUrl), r.GetValue(strict))
        {
            Target = TargetOf(r),
        };
        // The review report goes to the reports folder by default; « check » writes it only when asked to.
        string? ReportPath(ParseResult r, bool write) =>
            r.GetValue(report) ?? (write ? FichesSite.Quality.ReviewReport.DefaultPathFor(r.GetValue(input)!) : null);
        int Run(ParseResult r, bool write) =>
            Report(SiteBuilder.Build(Options(r, write) with { ReportPath = ReportPath(r, write) }), write ? OutputOf(r) : null, r.GetValue(timings));
        root.SetAction(r => Run(r, write: true));
        build.SetAction(r => Run(r, write: true));
        check.SetAction(r => Run(r, write: false));
        serve.SetAction((r, _) => RunPreview(Options(r, write: true), r.GetValue(port)));
        newSheet.SetAction(r => NewSheetCommand.Run(r.GetValue(input)!, r.GetValue(kind)!, r.GetValue(title)!, Console.Out, Console.Error));
        pdf.SetAction((r, _) => Pdf.PdfCommand.RunAsync(r.GetValue(site)!, r.GetValue(chromium), Console.Out, Console.Error));
        package.SetAction(r => Package.PackageCommand.Run(
            new Package.PackageRequest(r.GetValue(site)!, r.GetValue(packageTo)!, r.GetValue(packageVersion), Package.PackageEnvironment.FromProcess()),
            Console.Out, Console.Error));
        return root.Parse(args).Invoke();
    }

    // Stopped by Ctrl+C, SIGTERM or SIGHUP (Serve/StopSignals): the server closes, the watchers stop, a rebuild under
    // way is abandoned before it writes, and the command exits with 0, since a stop asked for is the preview's normal end.
    private static async Task<int> RunPreview(BuildOptions options, int port)
    {
        // The preview serves its output folder: one that is not a site of this generator is neither built nor served.
        if (OutputFolder.Check(options) is { } refused)
        {
            Console.Error.WriteLine(new Pipeline.Diagnostic(Pipeline.Severity.Error, refused.Option, 0, refused.Message, refused.Fix));
            return 1;
        }
        using var signals = FichesSite.Serve.StopSignals.Listen();
        try
        {
            await using var server = await FichesSite.Serve.PreviewServer.StartAsync(options, port, Console.WriteLine, signals.Token);
            Console.WriteLine($"Aperçu sur {server.Url} (Ctrl+C pour arrêter). Modifiez un fichier de {options.InputDirectory}/ ou {options.ThemeDirectory}/ : les pages ouvertes se rechargent.");
            await Task.Delay(Timeout.Infinite, signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            // the stop asked for; the server is disposed on the way out of the block
        }
        catch (FichesSite.Serve.PreviewPortException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        Console.WriteLine($"Aperçu arrêté ({signals.Received}) : serveur fermé, surveillance des fichiers arrêtée.");
        return 0;
    }

    // Past this, more messages drown the first ones (often the cause of the rest).
    private const int MaxPrinted = 50;

    // What became of the site, as it is: the swap may have succeeded before a later step failed, or failed half-way.
    public static string SiteAfterFailure(SiteState state, string? output) => (output, state) switch
    {
        (null or "", _) => "",
        (_, SiteState.Published) => $"Le nouveau site est pourtant publié dans {Shown(output)} : corrigez ce qui est signalé ci-dessus.",
        (_, SiteState.PartlyUpdated) => $"Le site dans {Shown(output)} n’a été mis à jour qu’en partie : la prochaine construction le refait en entier.",
        (_, SiteState.Missing) => $"Le site n’est plus dans {Shown(output)} : le message ci-dessus dit où l’ancien est resté et comment le remettre en place.",
        _ => $"Le site existant dans {Shown(output)} n’a pas été modifié.",
    };

    // A folder as given, with one final slash.
    private static string Shown(string folder) => folder.TrimEnd('/') + "/";

    private static int Report(BuildResult result, string? output, bool showTimings)
    {
        if (showTimings)
        {
            // From the process's start (10 ms steps on Linux) to the build's: the runtime and the command line, which a
            // small site's build time is mostly made of.
            var beforeBuild = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime - result.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"process start",-18} {beforeBuild.TotalMilliseconds,8:0} ms  (before the build)"));
            // Page stages overlap on every core: their time is summed over threads, so it may exceed the wall time.
            foreach (var timing in result.Timings)
            {
                var kind = timing.SummedOverThreads ? "  (summed over threads)" : "";
                var allocated = timing.AllocatedBytes / 1_000_000.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {timing.Stage,-18} {timing.Elapsed.TotalMilliseconds,8:0} ms {allocated,8:0} MB allocated{kind}"));
            }
            // What the runtime itself cost meanwhile, on every thread: compiling methods, and pausing for the garbage
            // collector, named because a misnamed build property once left the published generator on the other one.
            var collector = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  runtime: JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods), {collector} garbage collector pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms ({GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections of generations 0/1/2)"));
        }
        foreach (var diagnostic in result.Diagnostics.Take(MaxPrinted))
        {
            // In a workflow, a line of a message that began with « :: » would be read as a command of the runner (a value
            // quoted from site.yml may hold a line end): each message is printed on its own lines only.
            var shown = Pipeline.WorkflowAnnotation.Enabled ? Pipeline.WorkflowAnnotation.OneLine(diagnostic) : diagnostic;
            (diagnostic.Severity == Pipeline.Severity.Error ? Console.Error : Console.Out).WriteLine(shown);
        }
        if (Pipeline.WorkflowAnnotation.Enabled)
        {
            // Every message, not only the first ones printed: each shows on its own line of the pull request.
            var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE") is { Length: > 0 } root ? root : Environment.CurrentDirectory;
            foreach (var diagnostic in result.Diagnostics)
            {
                Console.Out.WriteLine(Pipeline.WorkflowAnnotation.For(diagnostic, workspace));
            }
        }
        if (result.Diagnostics.Count > MaxPrinted)
        {
            Console.Error.WriteLine($"… et {result.Diagnostics.Count - MaxPrinted} autre(s) message(s) : corrigez d’abord ceux-ci.");
        }
        // A French decimal comma, without depending on the machine's culture.
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        var warnings = result.Warnings.Count();
        var notices = result.Notices.Count();
        var noticeText = notices == 0 ? "" : $", {notices} information(s)";
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"Échec : {result.Errors.Count()} erreur(s), {warnings} avertissement(s){noticeText}. " + SiteAfterFailure(result.Site, output));
            return 1;
        }
        if (result.Readability is { } readability)
        {
            var reportPath = result.ReadabilityReportPath is { } path ? Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/') : null;
            Quality.Readability.ReadabilityTable.Print(readability, Console.Out, reportPath);
        }
        var where = output is null ? "vérification seule, rien n’a été écrit" : $"→ {Shown(output)}";
        Console.WriteLine($"{result.PageCount} page(s) construite(s), {warnings} avertissement(s){noticeText}, en {seconds} s ({where}).");
        return 0;
    }
}
