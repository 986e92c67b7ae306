package dev.marking.core.report;

import dev.marking.core.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Turns a scan result into one output format. Each writer declares everything about itself, so no
 * other file keeps a list of report formats (see {@link ReportWriters}).
 */
public interface ReportWriter {

    /** {@code text}, {@code json}, … as users choose it ({@code --format}, {@code <formats>}). */
    String id();

    /** The extension of a report file in this format, without the dot ({@code marking.sarif}). */
    String fileExtension();

    /** The IANA media type of the output. */
    String mediaType();

    void write(ScanResult result, Writer out) throws IOException;
}
