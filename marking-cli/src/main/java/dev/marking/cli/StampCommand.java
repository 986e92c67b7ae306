package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking stamp}: writes marked copies; inputs are never modified. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = {"Stamps a classification marking onto copies of the files, written to OUTDIR.",
            "Adds the GB/T 9704 first-page block (份号, 密级和保密期限, 紧急程度), a running header on every",
            "page/section, a footer with the copy number, a diagonal watermark and metadata.",
            "Stamping an already stamped file replaces the old marking. Inputs are never modified, and files",
            "already in OUTDIR are not replaced unless --overwrite is given.",
            "Levels come from the policy's schemes, custom ones included; the mark is written in the policy's",
            "script (marking.script: traditional writes 機密★5年).",
            "", "Example: marking stamp --level 机密 --term 5 --copy 3 -o out/ report.docx",
            "         marking stamp --level 机密 --term 5 --copies 1-200 --recipients r.csv --ledger ledger.jsonl -o out/ a.pdf",
            "", "Exit codes: 0 all stamped, 2 a file could not be stamped or bad arguments."})
final class StampCommand implements Callable<Integer> {

    @Option(names = "--level", required = true, paramLabel = "L", description = "Level: 绝密, 机密, 秘密, 公开, 非密, 工作秘密, 内部, …")
    private String level;

    @Option(names = "--term", paramLabel = "T",
            description = "Term: 5 or 5年 (years), 6个月, a declassification date 2030-12-31, or 长期 (绝密 only).")
    private String term;

    @Option(names = "--issued", paramLabel = "YYYY-MM-DD", description = "Issue date (成文日期); the term starts here.")
    private LocalDate issued;

    @Option(names = "--copy", paramLabel = "N", description = "Copy number (份号) of this single copy, 1..999999.")
    private Integer copy;

    @Option(names = "--copies", paramLabel = "1-50|N",
            description = "Numbered copies: a range (refused if any number was issued before) or a count (the next N "
                    + "numbers for the document). Needs --ledger. Outputs are name.000001.ext, ….")
    private String copies;

    @Option(names = "--recipients", paramLabel = "FILE.csv|FILE.xlsx",
            description = "Recipient list: an .xlsx workbook (first sheet) or a CSV in UTF-8 or GB18030, with a header row "
                    + "name,unit (or 姓名,单位): one recipient per copy, named in its watermark and the ledger. Every row is "
                    + "checked before the first copy is made.")
    private Path recipients;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--approved", paramLabel = "N",
            description = "The approved number of copies (批准份数), recorded in the ledger for the document when it has "
                    + "none; copies beyond the approval in force are refused. Change it with: marking ledger approve.")
    private Integer approved;

    @Option(names = "--approved-by", paramLabel = "NAME",
            description = "Who approved --approved (default: the user running the stamp).")
    private String approvedBy;

    @Option(names = "--scope", paramLabel = "TEXT",
            description = "Distribution scope (发放范围), e.g. 发至县团级: printed under the first-page block and written in "
                    + "the metadata (marking.scope).")
    private String scope;

    @Option(names = "--no-reproduction", negatable = false,
            description = "The document may not be reproduced: 不得翻印 under the first-page block and in the metadata "
                    + "(marking.reproduction).")
    private boolean noReproduction;

    @Option(names = "--threads", paramLabel = "N", description = "Copies stamped at once (default: number of cores).")
    private int threads;

    @Option(names = "--urgency", paramLabel = "U", description = "紧急程度: 特急 or 加急.")
    private String urgency;

    @Option(names = "--no-watermark", negatable = false, description = "Do not add the diagonal watermark.")
    private boolean noWatermark;

    @Option(names = "--no-header", negatable = false, description = "Do not add the running header.")
    private boolean noHeader;

    @Option(names = "--no-footer", negatable = false, description = "Do not add the copy-number footer.")
    private boolean noFooter;

    @Option(names = "--layout", paramLabel = "keep|shrink|overlay", defaultValue = "keep",
            description = {"Where the marks go on a PDF page with its own ink: keep (default) puts them in free places and"
                + " moves or shrinks only a page without room; shrink makes the same room on every page; overlay uses"
                + " the standard places whatever is there. Pages moved or shrunk are reported."})
    private String layout;

    @Option(names = "--block", negatable = false,
            description = "Also put the GB/T 9704 block (份号, 密级和保密期限, 紧急程度) where a format leaves it optional: "
                    + "the first-page header of a workbook's first sheet (never into its cells).")
    private boolean block;

    @Option(names = "--convert", negatable = false,
            description = "Stamp legacy and other read-only formats (.doc .xls .ppt .wps .et .dps .rtf .ods .odp) by "
                    + "converting them with LibreOffice to .docx/.xlsx/.pptx first (report.doc -> report.000001.docx).")
    private boolean convert;

    @Option(names = "--font", paramLabel = "FILE",
            description = "TrueType font to embed in PDFs (default: 黑体/SimHei when installed, else the bundled font).")
    private Path font;

    @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "OUTDIR",
            description = "Folder for the stamped copies (created if missing).")
    private Path outDir;

    @Option(names = "--overwrite", negatable = false,
            description = "Replace files in OUTDIR that have an output's name (without it such a run is refused, "
                    + "having written nothing). Inputs are never overwritten, not even with this option.")
    private boolean overwrite;

    @Mixin
    private SignOption signOption;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to stamp (${bundle:extensions}).")
    private List<Path> files;

    @Mixin
    private PolicyOption policyOption;

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, EngineException {
        MarkingInput marking = MarkingInput.of(level, term).withIssued(issued == null ? null : issued.toString())
                .withCopy(copy == null ? null : copy.toString()).withUrgency(urgency).withHandling(scope, noReproduction);
        StampRequest request = StampRequest.of(files, outDir, marking).withPolicy(policyOption.load(files))
                .withLang(lang.lang()).withParts(!noHeader, !noFooter, !noWatermark).withBlock(block).withFont(font)
                .withCopies(copies, recipients, ledger.location()).withThreads(threads).withOverwrite(overwrite)
                .withLayout(layout).withConvert(convert).withSign(signOption.signWith()).withApproval(approved, approvedBy);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StampResult result = Engines.standard().stamp(request,
                (file, count) -> Progress.forTerminal(err, file.getFileName().toString(), count));
        result.notes().forEach(n -> err.println("marking: " + n));
        for (StampResult.StampedFile f : result.files()) {
            if (f.failure().isPresent()) {
                err.println("marking: " + f.shown() + ": " + f.failure().get().message());
            } else if (request.numbered()) {
                out.println("stamped " + f.written().size() + " copies of " + f.source() + " -> " + outDir + " ("
                        + f.copies().get(0) + "–" + f.copies().get(f.copies().size() - 1) + "), ledger " + ledger.location());
            } else {
                out.println("stamped " + f.source() + " -> " + f.written().get(0) + "  (" + result.watermarkText() + ")");
            }
            f.notes().forEach(n -> out.println("  note: " + n));
        }
        out.flush();
        return result.allStamped() ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
