using FichesSite.Build;
using FichesSite.Pipeline;

namespace FichesSite.Package;

/// <summary>What the package command is asked for.</summary>
/// <param name="Site">The built site (--output).</param>
/// <param name="To">The folder the package goes into (--to).</param>
/// <param name="Version">--package-version, or null for the default (<see cref="PackageStamp.DefaultVersion"/>).</param>
public sealed record PackageRequest(string Site, string To, string? Version, PackageEnvironment Environment);

/// <summary>
/// « dotnet run --project Site.csproj -- package »: after a build, the site as a package for mirrors, in the --to
/// folder: fiches-&lt;target&gt;-&lt;version&gt;.zip (<see cref="SiteArchive"/>), manifest.json (<see cref="PackageManifest"/>)
/// and SHA256SUMS (<see cref="Checksums"/>). The same site, date and commit give the same three files, byte for byte.
/// Reads the built site only, and writes nothing unless everything checks: a site with its mark and build.json and no
/// symbolic link, a --to folder that is missing, empty or an earlier package (<see cref="PackageFolder"/>).
/// </summary>
public static class PackageCommand
{
    // Past this, more links drown the message: the fix is the same for all.
    private const int MostLinksShown = 20;

    public static int Run(PackageRequest request, TextWriter output, TextWriter errors)
    {
        try
        {
            return Package(request, output, errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last resort: every known failure has its own message; this one still names the folder and ends cleanly.
            Refuse(errors, request.To, $"erreur interne de la commande package ({e.GetType().Name} : {e.Message}).",
                "Signalez ce message à l’équipe du site ; le paquet précédent n’a pas été modifié.");
            return 1;
        }
    }

    private static int Package(PackageRequest request, TextWriter output, TextWriter errors)
    {
        var (site, to) = (request.Site, request.To);
        int Failed(OutputProblem problem, bool earlierMoved = false)
        {
            Refuse(errors, problem.Option, problem.Message, problem.Fix);
            return Failure(errors, to, earlierMoved);
        }
        if (SiteProblem(site) is { } siteProblem)
        {
            return Failed(siteProblem);
        }
        if (BuildInfoFile.Read(site) is not { } info)
        {
            return Failed(new OutputProblem(
                $"le site « {site} » n’a pas de fichier {SiteRootFiles.BuildInfo} lisible : il a été construit par une version du générateur antérieure à la commande package, ou ce fichier a été modifié.",
                RebuildFix));
        }
        if (PackageFolder.Check(to, site).Problem is { } folderProblem)
        {
            return Failed(folderProblem);
        }
        if (request.Version is { } given && !PackageNames.IsVersion(given))
        {
            return Failed(new OutputProblem(
                $"--package-version « {given} » refusée : une version s’écrit avec des lettres sans accent, des chiffres, « . », « - », « _ » ou « + » (au plus {PackageNames.MostVersionLength}), en commençant par une lettre ou un chiffre.",
                "Par exemple --package-version 2026.06 ou --package-version 3.1-intranet ; sans l’option, la version est la date de construction suivie du début du commit.",
                "--package-version"));
        }
        DateTimeOffset date;
        if (request.Environment.SourceDateEpoch is { } epoch)
        {
            if (PackageStamp.FromEpoch(epoch) is not { } fixedDate)
            {
                return Failed(new OutputProblem(
                    $"la variable SOURCE_DATE_EPOCH vaut « {epoch} », qui n’est pas un nombre de secondes depuis le 1er janvier 1970.",
                    "Donnez-lui un nombre entier positif, par exemple celui de « git log -1 --format=%ct », ou retirez-la : la date du paquet est alors celle de la construction du site.",
                    "SOURCE_DATE_EPOCH"));
            }
            date = fixedDate;
        }
        else
        {
            date = PackageStamp.FromMark(Path.Combine(site, SiteMark.FileName));
        }
        string? commit;
        if (request.Environment.GitHubSha is { } sha)
        {
            if (!PackageStamp.IsCommit(sha))
            {
                return Failed(new OutputProblem(
                    $"la variable GITHUB_SHA vaut « {sha} », qui n’est pas l’identifiant complet d’un commit (40 ou 64 caractères hexadécimaux en minuscules).",
                    "Retirez-la (le commit est alors lu par git dans le dossier courant) ou donnez-lui l’identifiant complet du commit construit.",
                    "GITHUB_SHA"));
            }
            commit = sha;
        }
        else
        {
            commit = request.Environment.LocalCommit() is { } local && PackageStamp.IsCommit(local) ? local : null;
        }
        var version = request.Version ?? PackageStamp.DefaultVersion(date, commit);

        SiteArchive.Listing listing;
        try
        {
            listing = SiteArchive.List(site);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new OutputProblem($"le site « {site} » ne se lit pas en entier ({e.Message}).", "Vérifiez les droits de ses dossiers, ou reconstruisez le site."));
        }
        if (listing.Links.Count > 0)
        {
            foreach (var link in listing.Links.Take(MostLinksShown))
            {
                Refuse(errors, Path.Join(site, link).Replace('\\', '/'),
                    "lien symbolique dans le site construit : le paquet ne contient que les fichiers écrits par la construction.",
                    "Supprimez ce lien, puis reconstruisez le site : la construction n’écrit jamais de lien symbolique.");
            }
            if (listing.Links.Count > MostLinksShown)
            {
                errors.WriteLine($"… et {listing.Links.Count - MostLinksShown} autre(s) lien(s) symbolique(s) dans le site.");
            }
            return Failure(errors, to);
        }

        var archive = PackageNames.Archive(info.Target, version);
        var folder = new PackageFolder(to);
        var written = new List<string>();
        OutputProblem? leftOver;
        PackageManifest manifest;
        try
        {
            folder.Create();
            var zipPath = Path.Combine(folder.Staging, archive);
            written.Add(archive);
            using (var zip = new FileStream(zipPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16))
            {
                SiteArchive.Write(zip, listing.Entries, date);
            }
            manifest = new PackageManifest(info.Target, version, PackageStamp.Iso(date), commit, info.Pages, info.BaseUrl,
                archive, Checksums.Sha256(zipPath), listing.FileCount);
            var manifestPath = Path.Combine(folder.Staging, PackageNames.Manifest);
            written.Add(PackageNames.Manifest);
            OutputFolder.WriteNewFile(manifestPath, manifest.ToBytes());
            written.Add(PackageNames.Sums);
            OutputFolder.WriteNewFile(Path.Combine(folder.Staging, PackageNames.Sums),
                Checksums.SumsFile([(archive, manifest.Sha256), (PackageNames.Manifest, Checksums.Sha256(manifestPath))]));
            leftOver = folder.Publish(site);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PackagePublishException)
        {
            folder.Discard(written);
            return e is PackagePublishException publish ? Failed(publish.Problem, publish.EarlierMoved) : Failed(PackageFolder.WriteFailure(e));
        }
        if (leftOver is not null)
        {
            Report(errors, new Diagnostic(Severity.Warning, leftOver.Option, 0, leftOver.Message, leftOver.Fix));
        }
        output.WriteLine($"Paquet du site {manifest.Target} écrit dans {Shown(to)} : {archive} ({manifest.Files} fichier(s), {manifest.Pages} page(s)), "
            + $"{PackageNames.Manifest} et {PackageNames.Sums} ; vérifiez-le dans ce dossier avec « sha256sum -c {PackageNames.Sums} ».");
        return 0;
    }

    private const string RebuildFix =
        "Construisez d’abord le site (dotnet run --project Site.csproj, avec --target intranet pour le site interne), puis relancez package avec le même --output.";

    /// <summary>Why <paramref name="site"/> is not a built site to package, or null: it must be a folder, not a link, that carries the mark.</summary>
    private static OutputProblem? SiteProblem(string site)
    {
        if (OutputFolder.EmptyOption("--output", site) is { } empty)
        {
            return empty;
        }
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(site));
        if (new FileInfo(full).LinkTarget is { } link)
        {
            return new OutputProblem(
                $"le dossier du site « {site} » est un lien symbolique (vers « {link} ») : le paquet ne prend que les fichiers d’un site construit, jamais à travers un lien.",
                "Donnez avec --output le chemin du dossier du site lui-même.");
        }
        if (File.Exists(full))
        {
            return new OutputProblem($"« {site} » est un fichier, pas le dossier d’un site construit.", RebuildFix);
        }
        if (!Directory.Exists(full))
        {
            return new OutputProblem($"le dossier du site « {site} » est introuvable.", RebuildFix);
        }
        if (!SiteMark.IsOn(full))
        {
            return new OutputProblem(
                $"le dossier « {site} » n’est pas un site construit par ce générateur (il n’a pas de fichier {SiteMark.FileName}) : il n’est pas empaqueté.",
                RebuildFix);
        }
        return null;
    }

    private static void Refuse(TextWriter errors, string location, string message, string fix) =>
        Report(errors, new Diagnostic(Severity.Error, location, 0, message, fix));

    // In a workflow, a line of a message that began with « :: » would be read as a command of the runner (a site may
    // hold a file whose name has a line end): each message is printed on its own lines only.
    private static void Report(TextWriter errors, Diagnostic diagnostic) =>
        errors.WriteLine(WorkflowAnnotation.Enabled ? WorkflowAnnotation.OneLine(diagnostic) : diagnostic);

    private static int Failure(TextWriter errors, string to, bool earlierMoved = false)
    {
        errors.WriteLine(earlierMoved
            ? $"Échec : aucun paquet n’a été écrit, et l’ancien n’est plus dans {Shown(to)} : le message ci-dessus dit où il est resté et comment le remettre en place."
            : $"Échec : aucun paquet n’a été écrit ; {Shown(to)} n’a pas été modifié.");
        return 1;
    }

    // A folder as given, with one final slash.
    private static string Shown(string folder) => folder.TrimEnd('/') + "/";
}
