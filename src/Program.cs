using System.CommandLine;
using System.Globalization;
using FichesSite.Build;

namespace FichesSite;

/// <summary>Command line: « build » (the default) writes the site, « check » runs every check and writes nothing.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var input = new Option<string>("--input") { Description = "Dossier du contenu (site.yml, fiches/, pages/)", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "Dossier du thème (layouts/, partials/, assets/, i18n/)", DefaultValueFactory = _ => "theme" };
        var output = new Option<string>("--output") { Description = "Dossier du site produit", DefaultValueFactory = _ => "_site" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Adresse publique du site (remplace base_url de site.yml)" };
        var strict = new Option<bool>("--strict") { Description = "Les avertissements font échouer la construction" };

        var root = new RootCommand("Construit le site des fiches d’information patients.") { input, theme, output, baseUrl, strict };
        var build = new Command("build", "Construit le site dans le dossier de sortie (commande par défaut).") { input, theme, output, baseUrl, strict };
        var check = new Command("check", "Vérifie tout le contenu sans rien écrire.") { input, theme, baseUrl, strict };
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);

        BuildOptions Options(ParseResult r, bool write) => new(
            r.GetValue(input)!, r.GetValue(theme)!, write ? r.GetValue(output) : null, r.GetValue(baseUrl), r.GetValue(strict));
        root.SetAction(r => Report(SiteBuilder.Build(Options(r, write: true)), r.GetValue(output)));
        build.SetAction(r => Report(SiteBuilder.Build(Options(r, write: true)), r.GetValue(output)));
        check.SetAction(r => Report(SiteBuilder.Build(Options(r, write: false)), null));
        return root.Parse(args).Invoke();
    }

    // Past this, more messages drown the first ones (often the cause of the rest).
    private const int MaxPrinted = 50;

    private static int Report(BuildResult result, string? output)
    {
        foreach (var diagnostic in result.Diagnostics.Take(MaxPrinted))
        {
            (diagnostic.Severity == Pipeline.Severity.Error ? Console.Error : Console.Out).WriteLine(diagnostic);
        }
        if (result.Diagnostics.Count > MaxPrinted)
        {
            Console.Error.WriteLine($"… et {result.Diagnostics.Count - MaxPrinted} autre(s) message(s) : corrigez d’abord ceux-ci.");
        }
        var fr = CultureInfo.InvariantCulture;
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", fr).Replace('.', ',');
        var warnings = result.Warnings.Count();
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"Échec : {result.Errors.Count()} erreur(s), {warnings} avertissement(s). "
                + (output is null ? "" : $"Le site existant dans {output}/ n’a pas été modifié."));
            return 1;
        }
        var where = output is null ? "vérification seule, rien n’a été écrit" : $"→ {output}/";
        Console.WriteLine($"{result.PageCount} page(s) construite(s), {warnings} avertissement(s), en {seconds} s ({where}).");
        return 0;
    }
}
