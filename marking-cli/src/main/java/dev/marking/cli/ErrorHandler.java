package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on stderr and exit code 2; never a stack trace (unless MARKING_DEBUG is set). */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        return lastResort(ex, cl.getErr());
    }

    /** One line for {@code e} on {@code err}; exit code 2. */
    static int lastResort(Throwable e, PrintWriter err) {
        if (System.getenv("MARKING_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.println("marking: " + describe(e));
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What went wrong, in one line: our own messages as they are, anything else named by its kind. */
    static String describe(Throwable e) {
        if (e instanceof UsageException || e instanceof EngineException || e instanceof IOException
                || e instanceof UncheckedIOException) {
            return firstLine(e.getMessage());
        }
        if (e instanceof StackOverflowError) {
            return "the run stopped: an input is nested too deeply to process (StackOverflowError);"
                    + " set MARKING_DEBUG=1 for details";
        }
        if (e instanceof OutOfMemoryError) {
            return "the run stopped: an input needs more memory than Java was given (OutOfMemoryError);"
                    + " set MARKING_DEBUG=1 for details";
        }
        String m = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
        return e.getClass().getSimpleName() + m;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
