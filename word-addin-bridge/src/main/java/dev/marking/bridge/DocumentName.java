package dev.marking.bridge;

/** The file name a client sends in {@code X-Marking-Filename}, reduced to a safe single name. */
final class DocumentName {

    static final String HEADER = "X-Marking-Filename";
    private static final int MAX_LENGTH = 200;

    private DocumentName() {
    }

    /**
     * The last path segment of the decoded name, without control characters; an
     * {@link IllegalArgumentException} when nothing usable is left.
     */
    static String of(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(HEADER + " is required (the document's file name, percent-encoded UTF-8)");
        }
        String name = PercentCoding.decode(header.strip());
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != ':' && cp != '*' && cp != '?' && cp != '"'
                && cp != '<' && cp != '>' && cp != '|').forEach(sb::appendCodePoint);
        name = sb.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".")) {
            throw new IllegalArgumentException(HEADER + " does not name a file");
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return name;
    }
}
