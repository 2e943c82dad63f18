using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using FichesSite.Rendering;

namespace FichesSite.Tests;

/// <summary>
/// base.liquid receives the inner layout as an <see cref="HtmlFragment"/> read from its buffer rather than as a
/// string: every template expression must give what Fluid gives for the same text as a plain string.
/// </summary>
public sealed class HtmlFragmentTests
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Long enough, and appended in pieces, for the builder to hold several chunks; accents, a character outside
    // the basic plane (two UTF-16 units) and characters HTML escapes, so that any cut or encoding slip shows.
    private static StringBuilder Html()
    {
        var html = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            html.Append("<p class=\"x\">Fuite de ciment n° ").Append(i).Append(" : « rare » & sans gravité 🦴 <b>é</b></p>\n");
        }
        return html;
    }

    public static TheoryData<string> Templates() =>
    [
        "{{ content | raw }}",
        "{{ content }}",
        "{{ content | size }}",
        "{{ content.size }}",
        "{% if content contains 'n° 399' %}oui{% else %}non{% endif %}",
        "{% if content == '' %}vide{% else %}plein{% endif %}",
        "{% if content %}vrai{% endif %}",
        "{{ content | strip_html | truncate: 80 }}",
        "{{ content | upcase | slice: 0, 40 }}",
        "{{ content | raw | size }}",
        "{{ content | default: 'rien' | raw }}",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task A_fragment_renders_as_the_same_text_as_a_string(string source)
    {
        var html = Html();
        Assert.True(CountChunks(html) > 1, "the test needs a builder of several chunks");
        var template = Parser.Parse(source);
        var options = new TemplateOptions();
        options.Filters.AddFilter("raw", HtmlFragment.Raw);
        async Task<string> Render(object content, TemplateOptions with) =>
            await template.RenderAsync(new TemplateContext(new Dictionary<string, object?> { ["content"] = content }, with), Encoder);

        var asString = await Render(html.ToString(), new TemplateOptions());

        Assert.Equal(asString, await Render(HtmlFragment.Of(html), options));
        // As UTF-8, decoded piece by piece: the 3- and 4-byte characters fall across the pieces' ends somewhere.
        Assert.Equal(asString, await Render(HtmlFragment.OfUtf8(Encoding.UTF8.GetBytes(html.ToString())), options));
    }

    [Fact]
    public async Task Raw_writes_the_buffer_unencoded_and_plain_output_encodes_it()
    {
        var options = new TemplateOptions();
        options.Filters.AddFilter("raw", HtmlFragment.Raw);
        var model = new Dictionary<string, object?> { ["content"] = HtmlFragment.Of(new StringBuilder("<p>a & b</p>")) };

        Assert.Equal("<p>a & b</p>", await Parser.Parse("{{ content | raw }}").RenderAsync(new TemplateContext(model, options), Encoder));
        Assert.Equal("&lt;p&gt;a &amp; b&lt;/p&gt;", await Parser.Parse("{{ content }}").RenderAsync(new TemplateContext(model, options), Encoder));
    }

    private static int CountChunks(StringBuilder builder)
    {
        var count = 0;
        foreach (var _ in builder.GetChunks())
        {
            count++;
        }
        return count;
    }
}
