package dev.marking.core.format;

import java.nio.file.Path;

/**
 * How a format that marking reads but never writes (legacy binaries, RTF) is stamped: LibreOffice converts
 * the file to its modern counterpart and that copy is stamped ({@code 报告.doc} → {@code 报告.000001.docx}).
 *
 * @param source the extension LibreOffice is shown the file under (a Kingsoft {@code .wps} is a Word file: {@code doc})
 * @param target the extension of the format the converted copy is stamped as ({@code docx})
 * @param what   the file's kind in messages ({@code a legacy Word file})
 */
public record Conversion(String source, String target, String what) {

    /** The one-line refusal when stamping was asked without {@code --convert}. */
    public DocumentException refusal(Path file) {
        return new DocumentException(file, DocumentException.Kind.REFUSED, name(file) + " is " + what
                + ": stamp it with --convert (needs LibreOffice) or save it as ." + target);
    }

    /** The refusal when {@code --convert} was given but LibreOffice is not installed. */
    public DocumentException noConverter(Path file) {
        return new DocumentException(file, DocumentException.Kind.REFUSED, name(file) + " is " + what
                + ": --convert needs LibreOffice (soffice), which was not found; install it or save the file as ."
                + target);
    }

    /** The refusal when no registered format stamps the target. */
    public DocumentException noTarget(Path file) {
        return new DocumentException(file, DocumentException.Kind.REFUSED, name(file) + " is " + what
                + ": it converts to ." + target + ", which this version of marking cannot stamp yet");
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
