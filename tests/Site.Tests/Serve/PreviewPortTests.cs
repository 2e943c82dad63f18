using FichesSite.Build;
using FichesSite.Serve;

namespace FichesSite.Tests.Serve;

/// <summary>A port the preview cannot have is a French message, never an exception the command does not expect.</summary>
public sealed class PreviewPortTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private BuildOptions Options => new(_site.Input, _site.Theme, _site.Output, Today: TestSite.Today);

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(int.MaxValue)]
    public async Task A_port_that_does_not_exist_is_refused_in_french(int port)
    {
        var refused = await Assert.ThrowsAsync<PreviewPortException>(() => PreviewServer.StartAsync(Options, port, _ => { }));
        Assert.StartsWith($"erreur : le port {port} n’existe pas.", refused.Message);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void The_command_ends_with_1_on_such_a_port() =>
        Assert.Equal(1, Program.Main(["serve", "--input", _site.Input, "--theme", _site.Theme, "--output", _site.Output, "--port", "70000"]));

    [Fact]
    public async Task Port_0_lets_the_system_choose()
    {
        await using var server = await PreviewServer.StartAsync(Options, 0, _ => { });
        Assert.NotEqual(0, server.Port);
        using var http = new HttpClient();
        Assert.Contains("Fiches d’information patients", await http.GetStringAsync(server.Url));
    }
}
