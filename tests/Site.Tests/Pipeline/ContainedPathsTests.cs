using CsCheck;
using FichesSite.Pipeline;
using Xunit.Abstractions;

namespace FichesSite.Tests.Paths;

/// <summary>
/// Every path that comes from the content or the theme stays inside its folder once every symbolic link is followed,
/// at every level (ContainedPaths): a linked folder is never entered, a link that leads out is an error naming it,
/// and links that loop end the build with an error, never a hang.
/// </summary>
public sealed class ContainedPathsTests(ITestOutputHelper output)
{
    private static void Link(string path, string target, bool directory = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (directory)
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    private static void AssertRefused(TestSite site, string inputPath)
    {
        var result = Confinement.BuildAndCheck(site);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("/" + inputPath, StringComparison.Ordinal)
            && (e.Message.Contains("lien symbolique", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_linked_folder_that_leads_out_of_the_content_is_refused_and_not_published()
    {
        using var site = new TestSite();
        var outside = Confinement.PlantSecrets(site);
        Link(Path.Combine(site.Input, "fiches", "dossier"), outside, directory: true);

        AssertRefused(site, "input/fiches/dossier");
    }

    [Fact]
    public void A_page_linking_into_a_linked_folder_that_leads_out_is_refused()
    {
        using var site = new TestSite();
        var outside = Confinement.PlantSecrets(site);
        Link(Path.Combine(site.Input, "pages", "dossier"), outside, directory: true);
        File.WriteAllText(Path.Combine(site.Input, "pages", "galerie.md"),
            "---\ntitle: Galerie\ndescription: Des images.\n---\n\n## Images\n\n![Secret](dossier/secret.png)\n\n[Page](dossier/secret.md)\n");

        AssertRefused(site, "input/pages/dossier");
    }

    [Theory]
    [InlineData("data", true)]       // input/data → a folder outside holding a glossaire.yml
    [InlineData("site.yml", false)]
    [InlineData("contracts.yml", false)]
    public void A_data_file_reached_through_a_link_out_of_the_content_is_refused(string inputPath, bool directory)
    {
        using var site = new TestSite();
        var outside = Confinement.PlantSecrets(site);
        var path = Path.Combine(site.Input, inputPath);
        if (directory)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
        Link(path, directory ? Path.Combine(outside, "data") : Path.Combine(outside, "site.yml"), directory);

        var result = Confinement.BuildAndCheck(site);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.Contains("/input/" + inputPath, StringComparison.Ordinal) && e.Message.Contains("lien symbolique", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chain_of_links_that_ends_outside_is_refused()
    {
        using var site = new TestSite();
        var outside = Confinement.PlantSecrets(site);
        Link(Path.Combine(site.Input, "pages", "c.md"), Path.Combine(outside, "secret.md"));
        Link(Path.Combine(site.Input, "pages", "b.md"), "c.md");
        Link(Path.Combine(site.Input, "fiches", "a.md"), "../pages/b.md");

        AssertRefused(site, "input/fiches/a.md");
    }

    [Theory]
    [InlineData("fiches/boucle.md", "boucle.md", false)]    // a link to itself
    [InlineData("fiches/boucle", ".", true)]                // a folder that contains itself: never entered
    [InlineData("fiches/racine", "/", true)]                // the whole disk
    public void Links_that_loop_or_lead_to_the_root_end_the_build_with_an_error(string inputPath, string target, bool directory)
    {
        using var site = new TestSite();
        Confinement.PlantSecrets(site);
        Link(Path.Combine(site.Input, inputPath), target, directory);

        var result = Confinement.BuildAndCheck(site);

        if (target == ".")
        {
            // A link to its own folder stays inside: it is not entered, and the site is the same as without it.
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            return;
        }
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("/input/" + inputPath, StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_inside_the_content_to_a_file_inside_is_allowed()
    {
        using var site = new TestSite();
        Link(Path.Combine(site.Input, "fiches", "alias.md"), "cimentoplastie-metastases-osseuses.md");
        Link(Path.Combine(site.Input, "pages", "fiches-bis"), Path.Combine(site.Input, "fiches"), directory: true);

        var result = Confinement.BuildAndCheck(site);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, "fiches", "alias", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "fiches-bis")), "a linked folder was entered");
    }

    [Fact]
    public void The_preview_does_not_copy_an_attachment_that_became_a_link_out_since_the_last_build()
    {
        // The preview reuses an unchanged page's work, its list of attachments with it: the copy checks again.
        using var site = new TestSite();
        var outside = Confinement.PlantSecrets(site);
        site.AddFixture("images/schema.png", "pages/images/schema.png");
        File.WriteAllText(Path.Combine(site.Input, "pages", "galerie.md"), "---\ntitle: Galerie\ndescription: Des images.\n---\n\n## Images\n\n![Schéma](images/schema.png)\n");
        var cache = new FichesSite.Build.BuildCache();
        var options = new FichesSite.Build.BuildOptions(site.Input, site.Theme, site.Output, Today: TestSite.Today);
        Assert.True(FichesSite.Build.SiteBuilder.Build(options, cache).Succeeded);
        var image = Path.Combine(site.Input, "pages", "images", "schema.png");
        File.Delete(image);
        Link(image, Path.Combine(outside, "secret.png"));

        var result = FichesSite.Build.SiteBuilder.Build(options, cache);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("/input/pages/images/schema.png", StringComparison.Ordinal));
        // And the copy itself, in case the file changes between the listing and the copy:
        Assert.Throws<IOException>(() => InputFiles.ContentSource(site.Input, "pages/images/schema.png"));
        Assert.DoesNotContain(Confinement.Secret, File.ReadAllText(Path.Combine(site.Output, "pages", "images", "schema.png")));
    }

    [Theory]
    [InlineData("layouts")]
    [InlineData("partials/footer.liquid")]
    [InlineData("assets/css")]
    [InlineData("i18n/fr.yml")]
    public void A_theme_file_or_folder_that_leads_out_of_the_theme_is_refused(string themePath)
    {
        using var site = new TestSite(ownTheme: true);
        var outside = Directory.CreateDirectory(Path.Combine(site.Root, "theme-dehors")).FullName;
        var path = Path.Combine(site.Theme, themePath);
        var directory = Directory.Exists(path);
        var copy = Path.Combine(outside, Path.GetFileName(path));
        if (directory)
        {
            TestSite.CopyDirectory(path, copy);
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Move(path, copy);
        }
        Link(path, copy, directory);

        var result = Confinement.BuildAndCheck(site);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("/theme/" + themePath, StringComparison.Ordinal) && e.Message.Contains("hors du dossier du thème", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolving_follows_links_at_every_level_and_stops_on_loops()
    {
        var root = Directory.CreateTempSubdirectory("fiches-liens-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "input")).FullName;
            Directory.CreateDirectory(Path.Combine(root, "dehors"));
            File.WriteAllText(Path.Combine(root, "dehors", "x"), "x");
            Directory.CreateSymbolicLink(Path.Combine(folder, "lien"), "../dehors");
            File.CreateSymbolicLink(Path.Combine(folder, "a"), "b");
            File.CreateSymbolicLink(Path.Combine(folder, "b"), "a");

            Assert.Equal(ContainedPaths.Verdict.Outside, ContainedPaths.Resolve(folder, Path.Combine(folder, "lien", "x")).Verdict);
            Assert.Equal(ContainedPaths.Verdict.Outside, ContainedPaths.Resolve(folder, Path.Combine(folder, "lien", "..", "input", "..", "dehors", "x")).Verdict);
            Assert.Equal(ContainedPaths.Verdict.Inside, ContainedPaths.Resolve(folder, Path.Combine(folder, "lien", "..", "input", "y")).Verdict);
            Assert.Equal(ContainedPaths.Verdict.Loop, ContainedPaths.Resolve(folder, Path.Combine(folder, "a")).Verdict);
            Assert.Equal(Path.Combine(root, "dehors", "x"), ContainedPaths.RealPath(Path.Combine(folder, "lien", "x")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Where a link is planted: a page, a linked image, a folder, the data folder, site.yml.
    private enum Place { Fiche, Page, Image, Folder, Data, SiteYml }

    // What it points to. Chain points to another planted link (maybe itself: a loop).
    private enum Target { OutsideFile, OutsideFolder, InsideFile, InsideFolder, Root, Ancestor, Missing, Chain }

    private sealed record Plant(Place Place, Target Target, int Other, bool Relative);

    private static readonly Gen<Plant> OnePlant = Gen.Select(
        Gen.Enum<Place>(), Gen.Enum<Target>(), Gen.Int[0, 3], Gen.Bool, (place, target, other, relative) => new Plant(place, target, other, relative));

    [Fact]
    public void Random_link_layouts_are_refused_by_name_or_publish_nothing_from_outside()
    {
        var refused = 0;
        OnePlant.Array[1, 4].Sample(plants =>
        {
            // One data folder and one site.yml at most.
            plants = plants.Where((p, i) => p.Place is not (Place.Data or Place.SiteYml) || plants.Take(i).All(q => q.Place != p.Place)).ToArray();
            using var site = new TestSite();
            var outside = Confinement.PlantSecrets(site);
            Directory.Move(Path.Combine(site.Input, "data"), Path.Combine(site.Input, "data-copie"));
            Directory.CreateDirectory(Path.Combine(site.Input, "config"));
            File.Copy(Path.Combine(site.Input, "site.yml"), Path.Combine(site.Input, "config", "site.yml"));
            site.AddFixture("images/schema.png", "fiches/images/schema.png");
            var places = plants.Select((p, i) => PlaceOf(p.Place, i)).ToArray();
            if (!plants.Any(p => p.Place == Place.Data))
            {
                Directory.Move(Path.Combine(site.Input, "data-copie"), Path.Combine(site.Input, "data"));
            }
            if (plants.Any(p => p.Place == Place.SiteYml))
            {
                File.Delete(Path.Combine(site.Input, "site.yml"));
            }
            for (var i = 0; i < plants.Length; i++)
            {
                var path = Path.Combine(site.Input, places[i]);
                var target = TargetOf(site, outside, plants[i], places);
                if (plants[i].Relative && Path.IsPathRooted(target))
                {
                    target = Path.GetRelativePath(Path.GetDirectoryName(path)!, target);
                }
                Link(path, target, directory: plants[i].Place is Place.Folder or Place.Data);
            }
            var links = plants.Select((p, i) => (p, i)).Where(x => x.p.Place is Place.Image or Place.Folder).ToList();
            if (links.Count > 0)
            {
                File.WriteAllText(Path.Combine(site.Input, "pages", "galerie.md"),
                    "---\ntitle: Galerie\ndescription: Des images.\n---\n\n## Images\n\n" + string.Join("\n\n", links.Select(x =>
                        x.p.Place == Place.Image ? $"![Image {x.i}](../{places[x.i]})" : $"![Image {x.i}](../{places[x.i]}/secret.png) [Page](../{places[x.i]}/secret.md)")) + "\n");
            }

            var result = Confinement.BuildAndCheck(site);

            var leadingOut = Enumerable.Range(0, plants.Length).Where(i => LeadsOut(plants, i, [])).Select(i => places[i]).ToList();
            if (leadingOut.Count > 0)
            {
                Assert.False(result.Succeeded, $"links that lead out ({string.Join(", ", leadingOut)}) were accepted");
                // The configuration is read first, and its errors stop the build before the pages are listed.
                Assert.Contains(result.Errors, e => leadingOut.Append("site.yml").Append("data").Any(p => e.File.Contains("/input/" + p, StringComparison.Ordinal)));
            }
            refused += result.Succeeded ? 0 : 1;
        }, iter: 40, threads: 1, print: plants => string.Join("; ", plants.Select(p => p.ToString())));
        output.WriteLine($"{refused} of 40 link layouts refused.");
    }

    private static string PlaceOf(Place place, int i) => place switch
    {
        Place.Fiche => $"fiches/lien{i}.md",
        Place.Page => $"pages/lien{i}.md",
        Place.Image => $"fiches/images/lien{i}.png",
        Place.Folder => $"pages/dossier{i}",
        Place.Data => "data",
        _ => "site.yml",
    };

    private static string TargetOf(TestSite site, string outside, Plant plant, string[] places) => plant.Target switch
    {
        Target.OutsideFile => Path.Combine(outside, plant.Place switch
        {
            Place.Image => "secret.png",
            Place.Data => "secret.yml",
            Place.SiteYml => "site.yml",
            _ => "secret.md",
        }),
        Target.OutsideFolder => plant.Place == Place.Data ? Path.Combine(outside, "data") : outside,
        Target.InsideFile => Path.Combine(site.Input, plant.Place switch
        {
            Place.Image => "fiches/images/schema.png",
            Place.Data => "data-copie/glossaire.yml",
            Place.SiteYml => "config/site.yml",
            _ => "fiches/cimentoplastie-metastases-osseuses.md",
        }),
        Target.InsideFolder => Path.Combine(site.Input, plant.Place == Place.Data ? "data-copie" : "fiches/images"),
        Target.Root => "/",
        Target.Ancestor => site.Root,
        Target.Missing => Path.Combine(site.Input, "absent"),
        _ => Path.Combine(site.Input, places[plant.Other % places.Length]),
    };

    // The model's answer, independent of the code under test: a link leads out when it ends outside or loops.
    private static bool LeadsOut(Plant[] plants, int i, HashSet<int> seen)
    {
        if (!seen.Add(i))
        {
            return true; // a loop
        }
        return plants[i].Target switch
        {
            Target.OutsideFile or Target.OutsideFolder or Target.Root or Target.Ancestor => true,
            Target.Chain => LeadsOut(plants, plants[i].Other % plants.Length, seen),
            _ => false,
        };
    }
}
