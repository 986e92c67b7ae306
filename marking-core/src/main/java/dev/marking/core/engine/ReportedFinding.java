package dev.marking.core.engine;

import dev.marking.core.model.Severity;

/**
 * One finding as a shell prints it on a line: path, message and place have control characters and bidi overrides
 * escaped, so a file name cannot forge or hide a line of a build log.
 *
 * @param path     the file as shown in reports
 * @param rule     the rule id
 * @param severity how serious
 * @param message  what is wrong, in the request's language
 * @param where    the place in the request's language ({@code 第2页第7段}); empty for the whole file
 */
public record ReportedFinding(String path, String rule, Severity severity, String message, String where) {
}
