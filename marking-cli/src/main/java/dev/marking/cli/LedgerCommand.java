package dev.marking.cli;

import dev.marking.core.engine.CopyAct;
import dev.marking.core.engine.CopyRecord;
import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.LedgerView;
import dev.marking.core.engine.Register;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking ledger}: the distribution ledger's keeper — approvals, status, return, destruction, copies due. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"Works the distribution ledger (分发登记簿): the approved number of copies (批准份数), where each",
            "copy stands, copies returned (清退) and destroyed (销毁), and the copies still out before a holiday.",
            "Every act is a line appended under the ledger's lock, with who did it and when; nothing is edited.",
            "", "Exit codes: 0 done, 2 usage or I/O error (an unknown copy, a copy that cannot take the step)."},
        subcommands = {LedgerCommand.Approve.class, LedgerCommand.Status.class, LedgerCommand.Return.class,
            LedgerCommand.Destroy.class, LedgerCommand.Due.class})
final class LedgerCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a ledger command is required (approve, status, return, destroy, due)");
    }

    /** What every subcommand takes: the ledger and the language. */
    abstract static class Base implements Callable<Integer> {

        @Mixin
        private LedgerOption ledger;

        @Mixin
        private LangOption lang;

        @Spec
        private CommandSpec spec;

        Register register() throws EngineException {
            return Engines.standard().register(ledger.location(), lang.lang());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        int show(LedgerView view, String format) {
            if (!format.equals("text") && !format.equals("json")) {
                throw new UsageException("--format must be text or json, not " + format);
            }
            view.notes().forEach(n -> spec.commandLine().getErr().println("marking: " + n));
            if (format.equals("json")) {
                out().println(view.json());
            } else {
                view.writeText(out());
            }
            out().flush();
            return ExitCodes.OK;
        }

        int said(Register r, CopyRecord line) {
            out().println(r.describe(line));
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** Which copy: a file, or a document id and number. */
    static final class Which {

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The copy's file (found by its hash, "
                + "else by its marking.id and marking.copy).")
        private Path file;

        @Option(names = "--doc", paramLabel = "ID", description = "The document id (marking.id), with --copy.")
        private String document;

        @Option(names = "--copy", paramLabel = "N", description = "The copy number (7 or 000007), with --doc.")
        private String copy;

        CopyAct act(String by) {
            if (file != null && (document != null || copy != null)) {
                throw new UsageException("give a FILE or --doc ID --copy N, not both");
            }
            return file != null ? CopyAct.ofFile(file, by) : CopyAct.of(document, copy, by);
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Records the approved number of copies (批准份数) of a document: copies beyond it are refused.",
                "Raising (or setting) an approval is a recorded act; it cannot go below the copies already made.",
                "", "Example: marking ledger approve report.pdf 4 --by 李四 --ledger ledger.jsonl"})
    static final class Approve extends Base {

        @Parameters(index = "0", paramLabel = "DOC|FILE", description = "The document id (marking.id), or a file: a stamped "
                + "copy, or the document to be stamped.")
        private String document;

        @Parameters(index = "1", paramLabel = "N", description = "Copies approved, 1..999999.")
        private int count;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approved it.")
        private String by;

        @Override
        public Integer call() throws IOException, EngineException {
            Register r = register();
            return said(r, r.approve(document, count, by));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Lists each copy with its recipient and state (issued, returned, destroyed; void for a number",
                "taken but never issued), with who and when, and each document's approval and copies made."})
    static final class Status extends Base {

        @Parameters(index = "0", arity = "0..1", paramLabel = "DOC|FILE",
                description = "Only this document: its id or a file (default: every document).")
        private String document;

        @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "Output: text or json.")
        private String format;

        @Override
        public Integer call() throws IOException, EngineException {
            return show(register().status(document), format);
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true,
            description = {"Records that an issued copy came back (清退). A returned copy goes nowhere (presend blocks it).",
                "", "Example: marking ledger return out/report.000007.pdf --by 王五 --ledger ledger.jsonl",
                "         marking ledger return --doc 3f2a… --copy 7 --by 王五 --ledger ledger.jsonl"})
    static final class Return extends Base {

        @Mixin
        private Which which;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who received it back.")
        private String by;

        @Option(names = "--note", paramLabel = "TEXT", description = "A remark kept with the line.")
        private String note;

        @Override
        public Integer call() throws IOException, EngineException {
            Register r = register();
            return said(r, r.returned(which.act(by).withNote(note)));
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = {"Records that a copy (issued or returned) was destroyed (销毁), by whom and witnessed by whom.",
                "", "Example: marking ledger destroy out/report.000007.pdf --by 王五 --witness 赵六 --ledger ledger.jsonl"})
    static final class Destroy extends Base {

        @Mixin
        private Which which;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who destroyed it.")
        private String by;

        @Option(names = "--witness", paramLabel = "NAME", description = "Who witnessed it (监销人).")
        private String witness;

        @Option(names = "--note", paramLabel = "TEXT", description = "A remark kept with the line (how: shredded, …).")
        private String note;

        @Override
        public Integer call() throws IOException, EngineException {
            Register r = register();
            return said(r, r.destroyed(which.act(by).withWitness(witness).withNote(note)));
        }
    }

    @Command(name = "due", mixinStandardHelpOptions = true,
            description = {"Lists the copies still out (issued, neither returned nor destroyed): the 清退 list before a",
                "holiday. With --before, only copies issued before that day."})
    static final class Due extends Base {

        @Option(names = "--before", paramLabel = "YYYY-MM-DD", description = "Only copies issued before this day.")
        private LocalDate before;

        @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "Output: text or json.")
        private String format;

        @Override
        public Integer call() throws IOException, EngineException {
            return show(register().due(before), format);
        }
    }
}
