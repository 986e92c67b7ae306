package dev.marking.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The mapper the JSON and SARIF reports and the baseline file are written with: indented, leaving the caller's stream
 * open. A class of its own so that it is made on first use: listing the report writers, or writing a text report,
 * never loads Jackson.
 */
final class ReportJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportJson() {
    }
}
