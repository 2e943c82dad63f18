using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using FichesSite.Pipeline;

namespace FichesSite.Rendering;

/// <summary>
/// The Liquid side of the theme: layouts from theme/layouts/, partials from theme/partials/
/// (« {% include 'breadcrumb' %} »), and the one filter that keeps every link relative.
/// Each layout is parsed once per build and shared by all pages.
/// </summary>
public sealed class ThemeTemplates
{
    public const string PagePathKey = "page_output_path";
    public const string NotFoundRootKey = "not_found_root";

    // Accents stay as they are; only characters that HTML needs escaped are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly string _layoutsDirectory;
    private readonly string _partialsDirectory;
    private readonly ConcurrentDictionary<string, Lazy<(IFluidTemplate? Template, string? Error)>> _layouts = new();

    // The theme's templates by name (« fiche » for layouts/fiche.liquid), each with the real path it is read from.
    private readonly IReadOnlyDictionary<string, string> _layoutFiles;
    private readonly IReadOnlyDictionary<string, string> _partialFiles;

    public ThemeTemplates(string themeDirectory)
    {
        _layoutsDirectory = Path.Combine(themeDirectory, "layouts");
        _partialsDirectory = Path.Combine(themeDirectory, "partials");
        _layoutFiles = Templates(themeDirectory, _layoutsDirectory);
        _partialFiles = Templates(themeDirectory, _partialsDirectory);
        _options.FileProvider = new ThemePartials(_partialFiles);
        _options.Filters.AddFilter("relative_url", RelativeUrl);
    }

    public string LayoutPath(string layout) => Path.Combine(_layoutsDirectory, layout + ".liquid");

    /// <summary>The names of the theme's layouts, in ordinal order.</summary>
    public IEnumerable<string> LayoutNames => _layoutFiles.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// The rule of « layout: »: a layout's name (letters, digits, dashes) of a file in theme/layouts/, nothing else,
    /// so that no header can have another file read as a template. Null when the name is one; else why not.
    /// </summary>
    public string? LayoutProblem(string layout)
    {
        if (!IsLayoutName(layout))
        {
            return $"« {layout} » n’est pas un nom de gabarit : un gabarit se nomme avec des lettres, des chiffres et des tirets";
        }
        return _layoutFiles.ContainsKey(layout) ? null : $"le gabarit « {layout} » n’existe pas dans theme/layouts/";
    }

    private static bool IsLayoutName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    // The *.liquid files of one folder of the theme by name, read where they really are: a folder or a file whose
    // link leads out of the theme is left out (BuildConfiguration reports it and stops the build).
    private static Dictionary<string, string> Templates(string themeDirectory, string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ContainedPaths.Inside(themeDirectory, folder) is not { } realFolder)
        {
            return files;
        }
        foreach (var relative in ContainedPaths.List(realFolder, recursive: false).Files.Where(f => f.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            if (ContainedPaths.Inside(themeDirectory, Path.Combine(realFolder, relative)) is { } real)
            {
                files[relative[..^".liquid".Length]] = real;
            }
        }
        return files;
    }

    /// <summary>
    /// A part of the model that every page shows (the site, the interface words, the lists of pages), as Fluid's own
    /// values, made once per build. Given plain dictionaries and lists, Fluid wraps them anew at every use on every
    /// page (« t.search.label » wraps t, then t.search); given its own values, it reads them as they are. Leaves are
    /// converted by Fluid itself, so a template sees exactly what it saw before.
    /// </summary>
    public FluidValue Shared(object? value) => value switch
    {
        System.Collections.IDictionary group => new DictionaryValue(new FluidValueDictionaryFluidIndexable(
            group.Keys.Cast<string>().ToDictionary(key => key, key => Shared(group[key]), StringComparer.Ordinal))),
        System.Collections.IList list => new ArrayValue(list.Cast<object?>().Select(Shared).ToArray()),
        _ => FluidValue.Create(value, _options),
    };

    /// <summary>
    /// Parses every layout and partial once and reports Liquid syntax errors with the template's
    /// file and line. Done before rendering so that a broken partial is named once, not on every page.
    /// </summary>
    public void Check(DiagnosticBag diagnostics)
    {
        var templates = _layoutFiles.Select(t => (Shown: LayoutPath(t.Key), Real: t.Value))
            .Concat(_partialFiles.Select(t => (Shown: Path.Combine(_partialsDirectory, t.Key + ".liquid"), Real: t.Value)))
            .OrderBy(t => t.Shown, StringComparer.Ordinal);
        foreach (var (path, real) in templates)
        {
            if (_parser.TryParse(File.ReadAllText(real), out _, out var error))
            {
                continue;
            }
            var position = Regex.Match(error, @" at \((\d+):(\d+)\)");
            var line = position.Success ? int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var message = error.Split('\n')[0];
            message = position.Success ? message[..position.Index] : message;
            diagnostics.Error(Content.SourcePaths.Display(path), line, $"erreur de syntaxe Liquid : {message}.",
                "Vérifiez que chaque {% if %}, {% for %}, {% unless %} a sa balise de fin et que chaque {{ … }} est bien fermé.", wholeSite: true);
        }
    }

    /// <summary>Renders a layout into <paramref name="output"/>; returns the error text when the layout is missing or broken, else null.</summary>
    /// <param name="notFoundRoot">Where the 404 page's links start (<see cref="PageAddresses.NotFoundRoot"/>).</param>
    public string? RenderTo(TextWriter output, string layout, object model, string pageOutputPath, string notFoundRoot)
    {
        var (template, error) = _layouts.GetOrAdd(layout, name => new Lazy<(IFluidTemplate?, string?)>(() => Parse(name))).Value;
        if (template is null)
        {
            return error;
        }
        var context = new TemplateContext(model, _options);
        context.AmbientValues[PagePathKey] = pageOutputPath;
        context.AmbientValues[NotFoundRootKey] = notFoundRoot;
        try
        {
            // Liquid here never awaits anything (partials come from memory), so this completes at once.
            var rendering = template.RenderAsync(output, Encoder, context);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
            return null;
        }
        catch (Exception e) when (e is ParseException or InvalidOperationException or FileNotFoundException)
        {
            return e.Message;
        }
    }

    private (IFluidTemplate?, string?) Parse(string layout)
    {
        if (LayoutProblem(layout) is { } problem)
        {
            return (null, problem + ".");
        }
        return _parser.TryParse(File.ReadAllText(_layoutFiles[layout]), out var template, out var error) ? (template, null) : (null, error);
    }

    /// <summary>
    /// « {{ 'assets/css/site.css' | relative_url }} »: a path from the site root, turned into the
    /// relative URL from the page being rendered; on the 404 page, which a server shows at any
    /// depth, the path from the site's root instead (<see cref="PageAddresses.Link"/>).
    /// </summary>
    private static ValueTask<FluidValue> RelativeUrl(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new StringValue(PageAddresses.Link((string)context.AmbientValues[PagePathKey], PageAddresses.FromRoot(input.ToStringValue()),
            (string)context.AmbientValues[NotFoundRootKey]));
}
