using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using FichesSite.Text;
using Markdig.Syntax;
using Microsoft.Extensions.ObjectPool;

namespace FichesSite.StructuredData;

/// <summary>
/// The schema.org description of a sheet, as JSON-LD: a MedicalWebPage (language, last review,
/// reviewer, publisher, specialty, patient audience), when its type declares one, about a MedicalProcedure whose howPerformed and followup are the
/// plain text of the sections the content contract names (« schema_property »; both names are checked against schema.org
/// when contracts.yml is read, in <see cref="ContractsFile"/>). Serialized by
/// System.Text.Json with its HTML-safe encoder, so « &lt;/script&gt; » in a title is written
/// « \u003C/script\u003E » and cannot end the script element.
/// </summary>
public static class MedicalWebPageJsonLd
{
    // Escapes what HTML cares about (< > & ' "), keeps French letters legible.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// The JSON-LD of a page as UTF-8: every sheet (a page under fiches/) is a MedicalWebPage, about a MedicalProcedure
    /// when its type declares a procedure type; null for other pages.
    /// </summary>
    public static byte[]? For(Document document, ContentContract contract, PageContext context)
    {
        var procedureType = contract.ProcedureType;
        if (procedureType is null && !PageAddresses.IsFiche(document.OutputPath))
        {
            return null;
        }
        var frontMatter = document.Get(FrontMatter.Key);
        // Written straight to a buffer rather than through a JsonObject tree: it runs for every sheet. The buffer comes
        // from a pool: the writer asks room for the worst escaping of each section's text, several times what the JSON
        // takes, and a buffer per page grew to that each time. Only the finished JSON is copied out; a buffer lost to an
        // exception is only one the pool makes again.
        var buffer = Buffers.Get();
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "MedicalWebPage");
            json.WriteString("name", frontMatter.Title);
            json.WriteString("description", frontMatter.Description);
            json.WriteString("inLanguage", context.Language);
            if (PageAddresses.Absolute(context.BaseUrl, document.OutputPath) is { } url)
            {
                json.WriteString("url", url);
            }
            if (frontMatter.LastReviewed is { } reviewed)
            {
                json.WriteString("lastReviewed", reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            if (frontMatter.ReviewedBy is { } reviewer)
            {
                // « reviewed_by » names a service or a role, not a person: an Organization is what it is.
                json.WriteStartObject("reviewedBy");
                json.WriteString("@type", "Organization");
                json.WriteString("name", reviewer);
                json.WriteEndObject();
            }
            if (context.Publisher.Length > 0)
            {
                json.WriteStartObject("publisher");
                json.WriteString("@type", "MedicalOrganization");
                json.WriteString("name", context.Publisher);
                json.WriteEndObject();
            }
            if (context.Specialty is { } specialty)
            {
                json.WriteString("specialty", "https://schema.org/" + specialty);
            }
            // As in schema.org's own MedicalWebPage example: Patient is a MedicalAudience type.
            json.WriteString("audience", "https://schema.org/Patient");
            if (procedureType is not null)
            {
                json.WriteStartObject("about");
                json.WriteString("@type", "MedicalProcedure");
                json.WriteString("name", frontMatter.Title);
                json.WriteString("procedureType", "https://schema.org/" + procedureType);
                WriteSectionTexts(json, document.Get(PageSectionModel.Key));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var jsonLd = buffer.WrittenSpan.ToArray();
        Buffers.Return(buffer);
        return jsonLd;
    }

    private static readonly ObjectPool<ArrayBufferWriter<byte>> Buffers =
        new DefaultObjectPool<ArrayBufferWriter<byte>>(new DefaultPooledObjectPolicy<ArrayBufferWriter<byte>>());

    /// <summary>The plain text of each h2 section that a rule with a schema property matches: headings, paragraphs, list items, one per line.</summary>
    private static void WriteSectionTexts(Utf8JsonWriter json, PageSectionModel sections)
    {
        var text = TextBuilders.Pool.Get();
        foreach (var (section, blocks) in sections.H2Parts)
        {
            if (section.Rules.FirstOrDefault(r => r.SchemaProperty is not null)?.SchemaProperty is not { } property)
            {
                continue;
            }
            text.Clear();
            foreach (var block in blocks)
            {
                AppendText(block, text);
            }
            if (text.Length > 0)
            {
                json.WriteString(property, BuilderText.SpanOf(text));
            }
        }
        TextBuilders.Pool.Return(text);
    }

    // Headings, paragraphs and list items, one per line, each straight into the section's builder: a string per
    // paragraph was most of what this stage allocated.
    private static void AppendText(Block block, StringBuilder text)
    {
        switch (block)
        {
            // The structured data describe the public page, which names itself as canonical: never a staff-only text.
            case Markdig.Extensions.CustomContainers.CustomContainer:
                break;
            case LeafBlock { Inline: { } inline }:
                var lineStart = StartLine(text);
                InlineText.Append(inline, text);
                EndLine(text, lineStart);
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                lineStart = StartLine(text);
                text.Append(leaf.Lines.ToString());
                EndLine(text, lineStart);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendText(child, text);
                }
                break;
        }
    }

    // A line break before every line but the first; returns where the line starts.
    private static int StartLine(StringBuilder text) => text.Length == 0 ? 0 : text.Append('\n').Length;

    // Trims the line that starts at lineStart; a line of white space only is taken out with its line break.
    private static void EndLine(StringBuilder text, int lineStart)
    {
        var end = text.Length;
        while (end > lineStart && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        var first = lineStart;
        while (first < end && char.IsWhiteSpace(text[first]))
        {
            first++;
        }
        if (first == end)
        {
            text.Length = lineStart == 0 ? 0 : lineStart - 1;
            return;
        }
        text.Length = end;
        text.Remove(lineStart, first - lineStart);
    }
}
