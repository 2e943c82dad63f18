using System.Collections.Immutable;

namespace FichesSite.Pipeline;

/// <summary>
/// One page travelling through the pipeline. Immutable: a stage returns a new document
/// instead of changing the one it was given, so stages can run in parallel without locks
/// and a failed stage never leaves a half-updated page behind.
/// </summary>
public sealed class Document
{
    private readonly ImmutableDictionary<string, object> _metadata;

    public Document(string sourcePath, string outputPath, string source)
        : this(sourcePath, outputPath, source, ImmutableDictionary<string, object>.Empty)
    {
    }

    private Document(string sourcePath, string outputPath, string source, ImmutableDictionary<string, object> metadata)
    {
        SourcePath = sourcePath;
        OutputPath = outputPath;
        Source = source;
        _metadata = metadata;
    }

    /// <summary>Path of the source file as authors see it, relative to the repository (e.g. <c>input/fiches/x.md</c>).</summary>
    public string SourcePath { get; }

    /// <summary>Path of the written file inside the site folder, with forward slashes (e.g. <c>fiches/x/index.html</c>).</summary>
    public string OutputPath { get; }

    /// <summary>
    /// The source file's text as read (its header, then Markdown), or empty once the stages that read it have run. What
    /// the stages make of it is metadata, each form under its own key (the body in HTML, then <see cref="PageHtml"/>).
    /// </summary>
    public string Source { get; }

    /// <summary>The document without its source text, once nothing reads it (to free its memory).</summary>
    public Document WithoutSource() => new(SourcePath, OutputPath, "", _metadata);

    public Document With<T>(MetaKey<T> key, T value) where T : notnull =>
        new(SourcePath, OutputPath, Source, _metadata.SetItem(key.Name, value));

    /// <summary>The document without a piece of metadata that later stages no longer need (to free its memory).</summary>
    public Document Without<T>(MetaKey<T> key) =>
        new(SourcePath, OutputPath, Source, _metadata.Remove(key.Name));

    public T Get<T>(MetaKey<T> key) =>
        _metadata.TryGetValue(key.Name, out var value)
            ? (T)value
            : throw new InvalidOperationException(
                $"{SourcePath}: no '{key.Name}' yet; a stage that sets it must run before the one that reads it.");

    public bool TryGet<T>(MetaKey<T> key, out T value)
    {
        if (_metadata.TryGetValue(key.Name, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default!;
        return false;
    }
}
