package dev.marking.cli;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.ledger.Recipient;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.MarkingSpec;
import dev.marking.core.model.Message;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.Urgency;
import dev.marking.core.scan.DocumentIds;
import dev.marking.core.scan.Stamper;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
            "Stamping an already stamped file replaces the old marking. Inputs are never modified.",
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

    @Option(names = "--recipients", paramLabel = "FILE.csv",
            description = "UTF-8 CSV with header name,unit: one recipient per copy, named in its watermark and the ledger.")
    private Path recipients;

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "Distribution ledger (JSON lines, append-only, locked while stamping).")
    private Path ledger;

    @Option(names = "--threads", paramLabel = "N", description = "Copies stamped at once (default: number of cores).")
    private Integer threads;

    @Option(names = "--urgency", paramLabel = "U", description = "紧急程度: 特急 or 加急.")
    private String urgency;

    @Option(names = "--no-watermark", negatable = false, description = "Do not add the diagonal watermark.")
    private boolean noWatermark;

    @Option(names = "--no-header", negatable = false, description = "Do not add the running header.")
    private boolean noHeader;

    @Option(names = "--no-footer", negatable = false, description = "Do not add the copy-number footer.")
    private boolean noFooter;

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

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to stamp (.docx, .pdf, .txt, .md).")
    private List<Path> files;

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Messages messages = lang.messages();
        Marking marking = marking(messages);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FormatRegistry formats = Formats.registry();
        if (copies != null || recipients != null) {
            return batch(marking, formats, out, err);
        }
        Stamper stamper = new Stamper(formats);
        int failed = 0;
        for (Path file : files) {
            try {
                StampOptions options = new StampOptions(marking, DocumentIds.of(formats, file), LocalDate.now(), !noHeader,
                        !noFooter, !noWatermark, Optional.ofNullable(font), convert);
                Path written = stamper.stamp(file, outDir, options);
                out.println("stamped " + file + " -> " + written + "  (" + marking.watermarkText() + ")");
            } catch (DocumentException e) {
                failed++;
                err.println("marking: " + file + ": " + e.getMessage());
            } catch (IOException e) {
                failed++;
                err.println("marking: " + file + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private int batch(Marking marking, FormatRegistry formats, PrintWriter out, PrintWriter err) throws IOException {
        if (copy != null) {
            throw new UsageException("--copy and --copies cannot be used together");
        }
        if (ledger == null) {
            throw new UsageException("numbered copies must be registered: give --ledger FILE");
        }
        List<Recipient> people = recipients == null ? List.of() : Recipient.read(recipients);
        CopyRequest request = copies == null ? new CopyRequest(0, 0, people.size()) : CopyRequest.parse(copies)
                .orElseThrow(() -> new UsageException("--copies must be a range like 1-50 or a count like 50, not "
                        + copies));
        CopyIssuer issuer = new CopyIssuer(formats, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        int failed = 0;
        for (Path file : files) {
            try (Progress progress = Progress.forTerminal(err, file.getFileName().toString(), request.count())) {
                StampOptions base = new StampOptions(marking, DocumentIds.of(formats, file), LocalDate.now(), !noHeader,
                        !noFooter, !noWatermark, Optional.ofNullable(font), convert);
                List<CopyIssuer.Issued> issued = issuer.issue(file, outDir, base, request, people, ledger, progress);
                progress.close();
                out.println("stamped " + issued.size() + " copies of " + file + " -> " + outDir + " ("
                        + issued.get(0).copy() + "–" + issued.get(issued.size() - 1).copy() + "), ledger " + ledger);
            } catch (DocumentException e) {
                failed++;
                err.println("marking: " + file + ": " + e.getMessage());
            }
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private Marking marking(Messages messages) {
        MarkingParser parser = MarkingParser.standard();
        ParsedMark parsed = MarkingSpec.parse(parser, level, term);
        if (!parsed.valid()) {
            Message why = parsed.errors().get(0);
            throw new UsageException(messages.format(why.key(), why.args().toArray()));
        }
        Marking m = parsed.marking().get().withIssued(issued);
        if (copy != null) {
            if (copy < 1 || copy > CopyNumber.MAX) {
                throw new UsageException("--copy must be between 1 and " + CopyNumber.MAX + ", not " + copy);
            }
            m = m.withCopy(new CopyNumber(copy));
        }
        if (urgency != null) {
            m = m.withUrgency(Urgency.parse(urgency)
                    .orElseThrow(() -> new UsageException("--urgency must be 特急 or 加急, not " + urgency)));
        }
        return m;
    }
}
