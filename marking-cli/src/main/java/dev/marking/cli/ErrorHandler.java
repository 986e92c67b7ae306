package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on stderr and exit code 2; never a stack trace (unless MARKING_DEBUG is set). */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (System.getenv("MARKING_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        String message = ex instanceof UsageException || ex instanceof EngineException || ex instanceof IOException
                || ex instanceof UncheckedIOException ? ex.getMessage() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        cl.getErr().println("marking: " + message);
        return ExitCodes.USAGE;
    }
}
