using FichesSite.Build;
using FichesSite.Package;

namespace FichesSite.Tests.Build;

/// <summary>
/// What the sweep of killed runs' leftovers (FolderMark.RemoveLeftoversBeside) may delete, under attack: links, hard
/// links, other bytes, other case; a copy of a site named like a leftover; the earlier site a failed swap set aside; a
/// second run starting while the first creates its staging folder. Only a folder that carries a run's work mark
/// (OutputFolder.WorkMark, PackageFolder.StagingMark), free, and named as the run names it, is removed.
/// </summary>
public sealed class LeftoverSweepTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "revue-marque-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose()
    {
        foreach (var link in Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Where(e => new FileInfo(e).LinkTarget is not null).ToList())
        {
            File.Delete(link);
        }
        Directory.Delete(_root, recursive: true);
    }

    private string Folder(params string[] parts) => Directory.CreateDirectory(Path.Combine([_root, .. parts])).FullName;

    // What a killed build leaves: its staging folder, or an old copy it was deleting, with the work mark.
    private string SiteLeftover(string name)
    {
        var folder = SiteCopy(name);
        OutputFolder.WorkMark.WriteInto(folder);
        return folder;
    }

    // A copy of a site (« cp -a _site … »): the site's mark only.
    private string SiteCopy(string name)
    {
        var folder = Folder(name);
        SiteMark.WriteInto(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), "reste");
        return folder;
    }

    private static byte[] MarkBytes(FolderMark mark, string scratch)
    {
        Directory.CreateDirectory(scratch);
        mark.WriteInto(scratch);
        var bytes = File.ReadAllBytes(Path.Combine(scratch, mark.FileName));
        File.Delete(Path.Combine(scratch, mark.FileName));
        Directory.Delete(scratch);
        return bytes;
    }

    // ---- attacks that hold ----

    [Fact]
    public void A_link_inside_a_site_leftover_is_removed_and_what_it_leads_to_is_kept_at_any_depth()
    {
        var outside = Folder("dehors");
        File.WriteAllText(Path.Combine(outside, "precieux.txt"), "à garder");
        var leftover = SiteLeftover("_site.building-0123abcd");
        Directory.CreateSymbolicLink(Path.Combine(leftover, "lien"), outside);
        Directory.CreateDirectory(Path.Combine(leftover, "a", "b"));
        Directory.CreateSymbolicLink(Path.Combine(leftover, "a", "b", "lien"), outside);
        File.CreateSymbolicLink(Path.Combine(leftover, "a", "fichier"), Path.Combine(outside, "precieux.txt"));

        new OutputFolder(Path.Combine(_root, "_site")).Create();

        Assert.False(Directory.Exists(leftover));
        Assert.Equal("à garder", File.ReadAllText(Path.Combine(outside, "precieux.txt")));
    }

    [Fact]
    public void A_mark_that_is_a_link_or_holds_other_bytes_or_a_folder_that_is_a_link_is_kept()
    {
        var real = SiteLeftover("vrai");
        var mark = OutputFolder.WorkMark.FileName;
        var linkedMark = Folder("_site.building-0123abcd");
        File.CreateSymbolicLink(Path.Combine(linkedMark, mark), Path.Combine(real, mark));
        var otherBytes = Folder("_site.building-11111111");
        File.WriteAllBytes(Path.Combine(otherBytes, mark), [.. File.ReadAllBytes(Path.Combine(real, mark)), (byte)'\n']);
        Directory.CreateSymbolicLink(Path.Combine(_root, "_site.old-22222222"), real);
        var before = FolderSnapshot.Of(_root);

        new OutputFolder(Path.Combine(_root, "_site")).Create();

        var after = FolderSnapshot.Of(_root);
        Assert.All(before, entry => Assert.Equal(entry.Value, after.GetValueOrDefault(entry.Key)));
    }

    [Fact]
    public void A_hard_linked_mark_or_package_file_is_unlinked_and_the_other_name_keeps_its_bytes()
    {
        // The staging mark's exact bytes in someone's file, hard-linked as the mark of a leftover; and a manifest.json
        // hard-linked to someone's file.
        var own = Folder("a-moi");
        var markCopy = Path.Combine(own, "marque.txt");
        File.WriteAllBytes(markCopy, MarkBytes(PackageFolder.StagingMark, Path.Combine(_root, "tmp")));
        var notes = Path.Combine(own, "notes.json");
        File.WriteAllText(notes, "{\"mes\":\"notes\"}");
        var leftover = Folder("_package.building-0123abcd");
        Assert.Equal(0, Link(markCopy, Path.Combine(leftover, PackageFolder.StagingMark.FileName)));
        Assert.Equal(0, Link(notes, Path.Combine(leftover, "manifest.json")));

        var folder = new PackageFolder(Path.Combine(_root, "_package"));
        folder.Create();
        folder.Discard([]);

        Assert.False(Directory.Exists(leftover));
        Assert.Equal("{\"mes\":\"notes\"}", File.ReadAllText(notes));
        Assert.True(File.Exists(markCopy));
    }

    [Fact]
    public void A_package_leftover_holding_a_link_or_named_with_other_case_is_kept()
    {
        var outside = Folder("dehors");
        File.WriteAllText(Path.Combine(outside, "manifest.json"), "à garder");
        var linked = Folder("_package.building-0123abcd");
        PackageFolder.StagingMark.WriteInto(linked);
        File.CreateSymbolicLink(Path.Combine(linked, "manifest.json"), Path.Combine(outside, "manifest.json"));
        var otherCase = Folder("_Package.building-0123abcd");
        PackageFolder.StagingMark.WriteInto(otherCase);
        var upperHex = Folder("_package.building-0123ABCD");
        PackageFolder.StagingMark.WriteInto(upperHex);
        // The published package of « --to _package.building-89abcdef »: no mark, never a leftover of « _package ».
        var otherPackage = Folder("_package.building-89abcdef");
        File.WriteAllText(Path.Combine(otherPackage, "manifest.json"), "{}");
        var before = FolderSnapshot.Of(_root);

        var folder = new PackageFolder(Path.Combine(_root, "_package"));
        folder.Create();
        folder.Discard([]);

        var after = FolderSnapshot.Of(_root);
        Assert.All(before, entry => Assert.Equal(entry.Value, after.GetValueOrDefault(entry.Key)));
    }

    /// <summary>
    /// A site carries its mark, so a copy of it does too: an operator's dated backup, « cp -a _site _site.old-20251208 »
    /// (or « mv », or a build with « --output _site.old-20251208 »), has the name of a leftover (eight digits are eight
    /// hex digits) and the site's mark, but not the work mark: the next build of _site keeps it.
    /// </summary>
    [Fact]
    public void An_operators_dated_copy_of_the_site_is_not_deleted_by_the_next_build()
    {
        var backup = SiteCopy("_site.old-20251208");
        var building = SiteCopy("_site.building-20251208");

        new OutputFolder(Path.Combine(_root, "_site")).Create();

        Assert.True(Directory.Exists(backup), "the next build deleted « _site.old-20251208 », a copy the operator made of the site");
        Assert.True(Directory.Exists(building), "the next build deleted « _site.building-20251208 », a copy the operator made of the site");
    }

    /// <summary>
    /// A staging folder written and then held would be marked and free for a moment, exactly a killed run's leftover,
    /// and a second package run of the same --to starting then would delete it under the first one
    /// (FolderMark.WriteAndHold marks and holds in one opening).
    /// </summary>
    [Fact]
    [Trait("Category", "Stress")] // up to 3 s of two threads racing: out of the quick run
    public async Task A_second_run_never_deletes_the_staging_folder_of_a_run_that_is_creating_it()
    {
        var to = Path.Combine(_root, "_package");
        var lost = 0;
        var how = "";
        var runs = 0;
        var stop = DateTime.UtcNow.AddSeconds(3);
        var sweeper = Task.Run(() =>
        {
            while (DateTime.UtcNow < stop)
            {
                var other = new PackageFolder(to);
                other.Create();
                other.Discard([]);
            }
        });
        while (DateTime.UtcNow < stop && lost == 0)
        {
            runs++;
            var folder = new PackageFolder(to);
            try
            {
                folder.Create();
                if (!Directory.Exists(folder.Staging))
                {
                    lost++;
                    how = "the staging folder was gone after Create";
                }
                folder.Discard([]);
            }
            catch (IOException e)
            {
                lost++; // the mark to hold, or the folder, was gone
                how = e.GetType().Name + ": " + e.Message;
            }
        }
        await sweeper;

        Assert.True(lost == 0, $"a running package command's staging folder was deleted by another run (run {runs}: {how})");
    }

    /// <summary>
    /// A swap that fails half-way leaves the only copy of the published site in « _site.old-… » and tells the operator to
    /// rename it back. It carries the site's mark only (the work mark goes on an old copy once the new site is live), so
    /// the next build, which may fail, keeps it.
    /// </summary>
    [Fact]
    public void The_only_copy_of_the_site_that_a_failed_swap_set_aside_outlives_a_failed_build()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var aside = site.Output + ".old-0123abcd";
        Directory.Move(site.Output, aside); // where FolderSwap left it: « Renommez … pour remettre l’ancien site en ligne »
        File.WriteAllText(Path.Combine(site.Input, "pages", "casse.md"), "pas de front matter\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.True(Directory.Exists(aside), "the failed build deleted the only copy of the published site");
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true, EntryPoint = "link")]
    private static extern int Link(string existing, string created);
}
