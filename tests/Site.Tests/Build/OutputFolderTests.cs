using FichesSite.Build;

namespace FichesSite.Tests.Build;

/// <summary>
/// The build replaces or deletes only what it made: a site it marked, an empty folder, or the marked leftovers of its
/// own killed builds. Anything else at or beside the output is refused and left byte for byte as it was.
/// </summary>
public sealed class OutputFolderTests
{
    private const string Foreign = "n’est pas un site construit par ce générateur";

    [Fact]
    public void An_existing_folder_of_documents_is_refused_and_left_untouched()
    {
        using var site = new TestSite();
        var docs = Path.Combine(site.Root, "docs");
        Directory.CreateDirectory(Path.Combine(docs, "guide"));
        File.WriteAllText(Path.Combine(docs, "README.md"), "# Documentation\n");
        File.WriteAllText(Path.Combine(docs, "guide", "index.html"), "<p>guide</p>");
        File.WriteAllText(Path.Combine(docs, ".nojekyll"), "");
        var before = FolderSnapshot.Of(site.Root);

        var result = site.Build(output: docs);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("--output", error.File);
        Assert.Contains(Foreign, error.Message);
        Assert.Contains("supprimez-le vous-même", error.Fix);
        Assert.Equal(SiteState.Unchanged, result.Site);
        Assert.Equal(1, Program.Main(["--input", site.Input, "--theme", site.Theme, "--output", docs]));
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Fact]
    public async Task Serve_refuses_a_foreign_output_folder_before_building_or_serving_it()
    {
        using var site = new TestSite();
        var docs = Directory.CreateDirectory(Path.Combine(site.Root, "docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "README.md"), "# Documentation\n");
        var before = FolderSnapshot.Of(site.Root);

        var serve = Task.Run(() => Program.Main(["serve", "--input", site.Input, "--theme", site.Theme, "--output", docs, "--port", Browser.LoopbackServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)]));

        Assert.Same(serve, await Task.WhenAny(serve, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(1, await serve);
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--input")]
    [InlineData("--theme")]
    [InlineData("--report")]
    public void An_empty_path_option_is_an_error_not_a_crash(string option)
    {
        using var site = new TestSite();
        string[] arguments = ["--input", site.Input, "--theme", site.Theme, "--output", site.Output];
        var index = Array.IndexOf(arguments, option);
        string[] withEmpty = index >= 0 ? [.. arguments[..(index + 1)], "", .. arguments[(index + 2)..]] : [.. arguments, option, ""];

        Assert.Equal(1, Program.Main(withEmpty));
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName));
        Assert.Contains($"l’option {option} est vide", OutputFolder.EmptyOption(option, " ")?.Message);
    }

    [Fact]
    public void A_folder_holding_only_a_hidden_file_is_not_empty()
    {
        using var site = new TestSite();
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, ".env"), "SECRET=1");

        Assert.Contains(site.Build().Errors, e => e.Message.Contains(Foreign, StringComparison.Ordinal));
        Assert.Equal("SECRET=1", File.ReadAllText(Path.Combine(site.Output, ".env")));
    }

    [Fact]
    public void A_mark_with_other_bytes_or_a_link_to_a_real_mark_is_not_the_mark()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var copied = Path.Combine(site.Root, "copie");
        Directory.CreateDirectory(copied);
        File.WriteAllText(Path.Combine(copied, SiteMark.FileName), "fiches-site");
        File.WriteAllText(Path.Combine(copied, "notes.txt"), "à garder");
        var linked = Path.Combine(site.Root, "lien");
        Directory.CreateDirectory(linked);
        File.CreateSymbolicLink(Path.Combine(linked, SiteMark.FileName), Path.Combine(site.Output, SiteMark.FileName));
        File.WriteAllText(Path.Combine(linked, "notes.txt"), "à garder");

        Assert.True(SiteMark.IsOn(site.Output));
        Assert.False(SiteMark.IsOn(copied));
        Assert.False(SiteMark.IsOn(linked));
        Assert.Contains(site.Build(output: copied).Errors, e => e.Message.Contains(Foreign, StringComparison.Ordinal));
        Assert.Contains(site.Build(output: linked).Errors, e => e.Message.Contains(Foreign, StringComparison.Ordinal));
        Assert.Equal("à garder", File.ReadAllText(Path.Combine(copied, "notes.txt")));
        Assert.Equal("à garder", File.ReadAllText(Path.Combine(linked, "notes.txt")));
    }

    [Fact]
    public void An_empty_folder_is_taken_and_marked_and_a_site_built_there_is_replaced_on_the_next_build()
    {
        using var site = new TestSite();
        Directory.CreateDirectory(site.Output);

        var first = site.Build();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(SiteState.Published, first.Site);
        Assert.True(SiteMark.IsOn(site.Output));
        File.WriteAllText(Path.Combine(site.Output, "ajout.html"), "<p>ajouté à la main</p>");

        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(site.Output, "ajout.html")));
        Assert.True(SiteMark.IsOn(site.Output));
        Assert.Equal(["_site", "input", "reports"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_mark_is_the_same_bytes_in_every_build()
    {
        using var site = new TestSite();
        var other = Path.Combine(site.Root, "autre");
        Assert.True(site.Build().Succeeded);
        Assert.True(site.Build(output: other).Succeeded);

        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Output, SiteMark.FileName)), File.ReadAllBytes(Path.Combine(other, SiteMark.FileName)));
    }

    [Theory]
    [InlineData("fichier")]
    [InlineData("lien")]
    [InlineData("lien-casse")]
    public void An_output_that_is_a_file_or_a_link_is_refused_and_what_it_points_to_untouched(string kind)
    {
        using var site = new TestSite();
        var elsewhere = Path.Combine(site.Root, "ailleurs");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "index.html"), "<p>autre chose</p>");
        var output = Path.Combine(site.Root, "sortie");
        switch (kind)
        {
            case "fichier":
                File.WriteAllText(output, "un fichier");
                break;
            case "lien":
                Directory.CreateSymbolicLink(output, elsewhere);
                break;
            default:
                Directory.CreateSymbolicLink(output, Path.Combine(site.Root, "absent"));
                break;
        }
        var before = FolderSnapshot.Of(site.Root);

        var result = site.Build(output: output);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("--output", error.File);
        Assert.Contains(kind == "fichier" ? "est un fichier" : "est un lien symbolique", error.Message);
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Fact]
    public void A_marked_site_reached_through_a_link_is_refused_as_a_link()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var link = Path.Combine(site.Root, "lien");
        Directory.CreateSymbolicLink(link, site.Output);

        Assert.Contains(site.Build(output: link).Errors, e => e.Message.Contains("est un lien symbolique", StringComparison.Ordinal));
        Assert.True(SiteMark.IsOn(site.Output));
    }

    [Theory]
    [InlineData("input", "de contenu")]
    [InlineData("input/fiches", "de contenu")]
    [InlineData(".", "de contenu")]
    [InlineData("lien-vers-input/_site", "de contenu")]
    [InlineData("lien-vers-racine", "de contenu")]
    public void An_output_overlapping_the_content_even_through_a_link_is_refused(string output, string name)
    {
        using var site = new TestSite();
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "lien-vers-input"), site.Input);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "lien-vers-racine"), site.Root);
        var before = FolderSnapshot.Of(site.Root);

        var result = site.Build(output: Path.Combine(site.Root, output));

        Assert.Contains(result.Errors, e => e.File == "--output" && e.Message.Contains($"se confond avec le dossier {name}", StringComparison.Ordinal));
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Fact]
    public void The_working_folder_the_home_folder_and_the_folders_above_them_are_refused_even_marked_or_empty()
    {
        var root = Directory.CreateTempSubdirectory("fiches-surroundings-").FullName;
        try
        {
            var home = Directory.CreateDirectory(Path.Combine(root, "home", "moi")).FullName;
            var work = Directory.CreateDirectory(Path.Combine(root, "travail", "projet")).FullName;
            SiteMark.WriteInto(home);
            (string, string)[] sources = [(Path.Combine(root, "ailleurs", "input"), "de contenu")];
            (string, string)[] surroundings = [(work, "de travail courant"), (home, "personnel")];

            Assert.Contains("dossier personnel", OutputFolder.Check(home, sources, surroundings)?.Message);
            Assert.Contains("dossier personnel", OutputFolder.Check(Path.Combine(root, "home"), sources, surroundings)?.Message);
            Assert.Contains("dossier de travail courant", OutputFolder.Check(work, sources, surroundings)?.Message);
            Assert.Contains("dossier de travail courant", OutputFolder.Check(Path.Combine(root, "travail"), sources, surroundings)?.Message);
            Assert.Contains("se confond", OutputFolder.Check("/", sources, surroundings)?.Message);
            Assert.Null(OutputFolder.Check(Path.Combine(work, "_site"), sources, surroundings));
            Assert.Null(OutputFolder.Check(Path.Combine(home, "site"), sources, surroundings));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_working_folder_is_refused_by_the_command_line()
    {
        using var site = new TestSite();
        var result = site.Build(output: Environment.CurrentDirectory);
        Assert.Contains(result.Errors, e => e.Message.Contains("se confond avec le dossier de travail courant", StringComparison.Ordinal));
    }

    [Fact]
    public void Marked_leftovers_of_killed_builds_are_removed_by_the_next_build()
    {
        using var site = new TestSite();
        var building = Leftover(site, "_site.building-0123abcd");
        var old = Leftover(site, "_site.old-89abcdef");

        Assert.True(site.Build().Succeeded);

        Assert.False(Directory.Exists(building));
        Assert.False(Directory.Exists(old));
        Assert.Equal(["_site", "input", "reports"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Leftovers_that_are_not_provably_ours_are_kept()
    {
        using var site = new TestSite();
        // Named like a leftover but not marked; a copy of a site (the site's mark only) named like a leftover; marked
        // but not named by the build; a link to a marked folder; a folder whose mark a running build holds; and the
        // leftovers of another output folder.
        var unmarked = Path.Combine(site.Root, "_site.building-01234567");
        Directory.CreateDirectory(unmarked);
        File.WriteAllText(Path.Combine(unmarked, "mien.txt"), "à moi");
        var copy = Directory.CreateDirectory(Path.Combine(site.Root, "_site.old-20251208")).FullName;
        SiteMark.WriteInto(copy);
        File.WriteAllText(Path.Combine(copy, "index.html"), "copie de l’exploitant");
        var otherName = Leftover(site, "_site.old-sauvegarde");
        var held = Directory.CreateDirectory(Path.Combine(site.Root, "_site.building-fedcba98")).FullName;
        var linked = Path.Combine(site.Root, "_site.old-76543210");
        Directory.CreateSymbolicLink(linked, Leftover(site, "cible-marquee"));
        var otherOutput = Leftover(site, "_site2.old-0123abcd");
        using var running = OutputFolder.WorkMark.WriteAndHold(held); // as a running build holds its staging folder's
        var before = FolderSnapshot.Of(site.Root);

        Assert.True(site.Build().Succeeded);

        var after = FolderSnapshot.Of(site.Root);
        Assert.All(before, entry => Assert.Equal(entry.Value, after.GetValueOrDefault(entry.Key)));
        Assert.True(Directory.Exists(otherName) && Directory.Exists(held) && Directory.Exists(otherOutput) && Directory.Exists(copy));
    }

    [Fact]
    public void When_the_old_copy_cannot_be_removed_the_new_site_is_live_and_said_to_be()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        File.WriteAllText(Path.Combine(site.Output, "ancien.html"), "ancien");

        BuildResult result;
        BuildResult strict;
        // A work mark held in the published site (another program's): the swap succeeds, the old copy cannot be marked
        // for deletion.
        using (OutputFolder.WorkMark.WriteAndHold(site.Output))
        {
            result = site.Build();
        }
        Assert.True(result.Succeeded);
        Assert.Equal(SiteState.Published, result.Site);
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("le nouveau site est publié", StringComparison.Ordinal));
        Assert.DoesNotContain("n’a pas été modifié", warning.Message);
        Assert.False(File.Exists(Path.Combine(site.Output, "ancien.html")));
        var oldCopy = Assert.Single(Directory.EnumerateDirectories(site.Root, "_site.old-*"));
        Assert.True(File.Exists(Path.Combine(oldCopy, "ancien.html")));

        using (OutputFolder.WorkMark.WriteAndHold(site.Output))
        {
            strict = site.Build(strict: true);
        }
        Assert.False(strict.Succeeded);
        Assert.Equal(SiteState.Published, strict.Site);
        Assert.DoesNotContain("n’a pas été modifié", Program.SiteAfterFailure(strict.Site, "_site"));
        Assert.Contains("nouveau site est pourtant publié", Program.SiteAfterFailure(strict.Site, "_site"));

        // Once nothing holds them, the next build removes the old copies.
        Assert.True(site.Build().Succeeded);
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "_site.old-*"));
    }

    [Fact]
    public void The_command_line_says_the_site_is_unchanged_only_when_it_is()
    {
        Assert.Contains("n’a pas été modifié", Program.SiteAfterFailure(SiteState.Unchanged, "_site"));
        Assert.DoesNotContain("n’a pas été modifié", Program.SiteAfterFailure(SiteState.Published, "_site"));
        Assert.DoesNotContain("n’a pas été modifié", Program.SiteAfterFailure(SiteState.Missing, "_site"));
        Assert.DoesNotContain("n’a pas été modifié", Program.SiteAfterFailure(SiteState.PartlyUpdated, "_site"));
        Assert.Equal("", Program.SiteAfterFailure(SiteState.Unchanged, null));
    }

    [Fact]
    public void A_folder_made_or_filled_during_the_build_is_not_replaced()
    {
        using var site = new TestSite();
        var output = new OutputFolder(site.Output);
        output.Create();
        File.WriteAllText(Path.Combine(output.Staging, "index.html"), "nouveau");
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "arrive-entre-temps.txt"), "à garder");

        var refused = Assert.Throws<PublishException>(() => output.Publish());
        output.Discard();

        Assert.Contains(Foreign, refused.Problem.Message);
        Assert.Equal(SiteState.Unchanged, output.State);
        Assert.Equal("à garder", File.ReadAllText(Path.Combine(site.Output, "arrive-entre-temps.txt")));
        Assert.False(Directory.Exists(output.Staging));
    }

    [Fact]
    public void When_the_new_site_cannot_take_its_place_the_previous_one_is_put_back()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var before = FolderSnapshot.Of(site.Output);
        var output = new OutputFolder(site.Output);
        output.Create();
        Directory.Delete(output.Staging, recursive: true); // the second rename now fails, after the first one succeeded

        var failed = Assert.Throws<PublishException>(() => output.Publish());

        Assert.StartsWith("impossible d’écrire le site", failed.Problem.Message);
        Assert.Equal(SiteState.Unchanged, output.State);
        Assert.Equal(before, FolderSnapshot.Of(site.Output));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "_site.old-*"));
    }

    [Theory]
    [InlineData("_site.building-0123abcd", true)]
    [InlineData("_site.old-0123abcd", true)]
    [InlineData("_site.old-0123ABCD", false)]
    [InlineData("_site.old-0123abc", false)]
    [InlineData("_site.old-0123abcde", false)]
    [InlineData("_site.old-sauvegard", false)]
    [InlineData("_site2.old-0123abcd", false)]
    [InlineData("_site.tmp-0123abcd", false)]
    public void Only_names_the_build_gives_are_leftover_names(string name, bool leftover) =>
        Assert.Equal(leftover, OutputFolder.IsLeftoverName(name, "_site"));

    private static string Leftover(TestSite site, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(site.Root, name)).FullName;
        OutputFolder.WorkMark.WriteInto(folder);
        SiteMark.WriteInto(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), "reste");
        return folder;
    }
}
