using System.Text;
using FichesSite.Rendering;

namespace FichesSite.Tests;

/// <summary>
/// base.liquid receives the inner layout (« content ») and the JSON-LD (« page.json_ld ») as strings: through
/// « raw » they are written exactly as they are, and any other expression treats them as Liquid treats any string.
/// </summary>
public sealed class LayoutContentTests : IDisposable
{
    private readonly string _theme = Directory.CreateTempSubdirectory("layout-content-").FullName;

    public void Dispose() => Directory.Delete(_theme, recursive: true);

    // Long, with accents, a character outside the basic plane (two UTF-16 units) and characters HTML escapes,
    // so that any cut or encoding slip shows.
    private static string Html()
    {
        var html = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            html.Append("<p class=\"x\">Fuite de ciment n° ").Append(i).Append(" : « rare » & sans gravité 🦴 <b>é</b></p>\n");
        }
        return html.ToString();
    }

    private string Render(string template, object? content, object? jsonLd = null)
    {
        Directory.CreateDirectory(Path.Combine(_theme, "layouts"));
        File.WriteAllText(Path.Combine(_theme, "layouts", "base.liquid"), template);
        var templates = new ThemeTemplates(_theme);
        var model = new Dictionary<string, object?>
        {
            ["content"] = content,
            ["page"] = new Dictionary<string, object?> { ["json_ld"] = jsonLd },
        };
        var output = new StringWriter();
        Assert.Null(templates.RenderTo(output, LayoutStage.BaseLayout, model, "index.html", "/"));
        return output.ToString();
    }

    [Fact]
    public void Raw_writes_the_content_and_the_json_ld_as_they_are()
    {
        var html = Html();
        const string JsonLd = """{"@type":"MedicalWebPage","name":"Rachis « lombaire » & 🦴"}""";

        Assert.Equal(html + "|" + JsonLd, Render("{{ content | raw }}|{{ page.json_ld | raw }}", html, JsonLd));
    }

    [Fact]
    public void Plain_output_encodes_the_content()
    {
        Assert.Equal("&lt;p&gt;a &amp; b é&lt;/p&gt;", Render("{{ content }}", "<p>a & b é</p>"));
    }

    public static TheoryData<string, string> Expressions() => new()
    {
        { "{{ content | size }}", "31090" },
        { "{% if content contains 'n° 399' %}oui{% else %}non{% endif %}", "oui" },
        { "{% if content == '' %}vide{% else %}plein{% endif %}", "plein" },
        { "{{ content | raw | size }}", "31090" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Other_expressions_treat_the_content_as_a_string(string template, string expected)
    {
        Assert.Equal(expected, Render(template, Html()));
    }

    [Fact]
    public void A_page_without_json_ld_writes_nothing_for_it()
    {
        Assert.Equal("[]", Render("[{% if page.json_ld %}{{ page.json_ld | raw }}{% endif %}]", "x"));
    }
}
