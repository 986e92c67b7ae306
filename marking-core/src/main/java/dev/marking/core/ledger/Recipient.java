package dev.marking.core.ledger;

/**
 * Who receives a copy, as a recipient list names them ({@link RecipientList}). The name is kept verbatim for the
 * watermark and ledger, and sanitised for file names.
 *
 * @param name person or office
 * @param unit their unit, may be empty
 */
public record Recipient(String name, String unit) {

    private static final int MAX_FILE_PART = 40;

    /** Text for the watermark: {@code 张三（办公室）} or just the name. */
    public String label() {
        return unit.isEmpty() ? name : name + "（" + unit + "）";
    }

    /** The name made safe for a file name: letters and digits of any script, - and _; any run of others becomes one _. */
    public String fileNamePart() {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            boolean ok = Character.isLetterOrDigit(cp) || cp == '-' || cp == '_';
            sb.appendCodePoint(ok ? cp : '_');
        });
        String s = sb.toString().replaceAll("_{2,}", "_").replaceAll("^_+|_+$", "");
        if (s.codePointCount(0, s.length()) > MAX_FILE_PART) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_FILE_PART));
        }
        return s.isEmpty() ? "recipient" : s;
    }
}
