package dev.marking.core.report;

import dev.marking.core.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Turns a scan result into one output format, chosen by {@link #id()}. */
public interface ReportWriter {

    /** {@code text}, {@code json}, … */
    String id();

    void write(ScanResult result, Writer out) throws IOException;
}
