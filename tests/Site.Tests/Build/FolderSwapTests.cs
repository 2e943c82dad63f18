using FichesSite.Build;

namespace FichesSite.Tests.Build;

/// <summary>
/// The one swap behind publishing a site and a package: the staged folder takes the target's name, the earlier folder
/// is set aside for its owner to delete, and a failed swap leaves the earlier folder where it was.
/// </summary>
public sealed class FolderSwapTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fiches-swap-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name, string file, string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }

    [Fact]
    public void A_staged_folder_takes_the_place_of_a_missing_target_and_nothing_is_set_aside()
    {
        var staging = Folder("site.building-1", "index.html", "new");
        var target = Path.Combine(_root, "site");

        Assert.Null(FolderSwap.Swap(staging, target, "00000001"));

        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void The_earlier_folder_is_set_aside_whole_beside_the_target()
    {
        var staging = Folder("site.building-1", "index.html", "new");
        var target = Folder("site", "index.html", "old");

        var aside = FolderSwap.Swap(staging, target, "00000002");

        Assert.Equal(Path.Combine(_root, "site" + FolderSwap.AsideInfix + "00000002"), aside);
        Assert.Equal("old", File.ReadAllText(Path.Combine(aside!, "index.html")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "index.html")));
    }

    [Fact]
    public void A_swap_that_fails_puts_the_earlier_folder_back_and_says_nothing_was_left_aside()
    {
        var missingStaging = Path.Combine(_root, "site.building-gone");
        var target = Folder("site", "index.html", "old");

        var failure = Assert.Throws<FolderSwapException>(() => FolderSwap.Swap(missingStaging, target, "00000003"));

        Assert.Null(failure.EarlierLeftAt);
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal(["site"], Directory.GetDirectories(_root).Select(Path.GetFileName));
    }
}
