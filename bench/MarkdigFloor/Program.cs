using Markdig;

// The floor: every sheet of <input>/fiches parsed and rendered by Markdig (with the pipe tables the sheets use) and
// written to <output> as one flat file each, on all cores. Nothing else: no front matter, layout, check or index.
//   MarkdigFloor <input> <output>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MarkdigFloor <input folder> <output folder>");
    return 2;
}
var (input, output) = (args[0], args[1]);
var pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
Directory.CreateDirectory(output);
Parallel.ForEach(Directory.EnumerateFiles(Path.Combine(input, "fiches")), file =>
    File.WriteAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(file) + ".html"), Markdown.ToHtml(File.ReadAllText(file), pipeline)));
return 0;
