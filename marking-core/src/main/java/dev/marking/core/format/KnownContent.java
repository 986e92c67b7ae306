package dev.marking.core.format;

import dev.marking.core.text.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is when no registered format reads it, from its signature and then its extension: a document of
 * a kind marking does not read (an OOXML or ODF package of another kind, an OLE2 compound file, RTF, a Visio or
 * Pages file) or something that is not a document at all (programs, images, archives, media, fonts, source
 * code, data). The registry's formats are asked first; this only names what is left.
 */
public final class KnownContent {

    /**
     * What a file is.
     *
     * @param id       {@code image}, {@code executable}, {@code archive}, {@code media}, {@code font},
     *                 {@code database}, {@code package}, {@code compound}, {@code document}, {@code source},
     *                 {@code data}, {@code text}, {@code binary}, {@code empty}, {@code lock}, {@code thumbnails};
     *                 the messages bundle names it as {@code kind.<id>}
     * @param document true for documents marking cannot read ({@code file.unsupported}); false for what is not a
     *                 document (skipped, counted)
     * @param detail   what exactly ({@code PNG}, {@code ELF}, {@code .java}, the streams of an OLE2 file)
     */
    public record Kind(String id, boolean document, String detail) {

        /** {@code an image (PNG)}, in the user's language. */
        public String describe(Messages messages) {
            return messages.format("kind." + id, detail);
        }
    }

    /** Extensions of documents, read by a registered format or not; one no format claims is {@code file.unsupported}. */
    static final Set<String> DOCUMENTS = Set.of("doc", "dot", "docx", "docm", "dotx", "dotm", "xls", "xlt", "xlsx",
            "xlsm", "xlsb", "xltx", "xltm", "ppt", "pot", "pps", "pptx", "pptm", "ppsx", "ppsm", "potx", "potm", "wps",
            "wpt", "et", "ett", "dps", "dpt", "odt", "ott", "ods", "ots", "odp", "otp", "odg", "otg", "fodt", "fods",
            "fodp", "rtf", "pdf", "ofd", "pages", "numbers", "key", "hwp", "hwpx", "wpd", "wri", "vsd", "vsdx", "pub",
            "xps", "oxps", "djvu", "epub", "mht", "mhtml", "eml", "msg", "ceb", "sep", "caj", "ps");

    /** Document extensions also used by text files: a PEM key ({@code .key}), an SSH public key, a gettext template. */
    private static final Set<String> ALSO_TEXT = Set.of("key", "pub", "pot");

    private static final Set<String> SOURCE = Set.of("java", "kt", "kts", "scala", "groovy", "gradle", "c", "h", "cc",
            "cpp", "cxx", "hpp", "hh", "cs", "fs", "vb", "go", "rs", "swift", "m", "mm", "py", "pyw", "rb", "pl", "pm",
            "php", "js", "mjs", "cjs", "ts", "tsx", "jsx", "vue", "svelte", "lua", "r", "jl", "dart", "sh", "bash",
            "zsh", "fish", "ps1", "psm1", "bat", "cmd", "sql", "hs", "erl", "ex", "exs", "clj", "elm", "ml", "f90",
            "asm", "s");
    private static final Set<String> DATA = Set.of("xml", "json", "jsonl", "ndjson", "yml", "yaml", "toml", "ini",
            "cfg", "conf", "properties", "env", "csv", "tsv", "html", "htm", "xhtml", "css", "scss", "less", "svg", "log",
            "lock", "sum", "mod", "plist", "tex", "bib", "rst", "adoc", "org", "po", "pot", "xsd", "xsl", "xslt", "dtd",
            "map", "sha256", "sha1", "md5", "asc", "sig", "pem", "crt", "cer", "key", "pub", "gitignore",
            "gitattributes", "editorconfig", "cmake");
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "ico",
            "heic", "heif", "psd", "raw", "cr2", "nef", "dng");
    private static final Set<String> ARCHIVES = Set.of("zip", "jar", "war", "ear", "apk", "7z", "rar", "gz", "tgz",
            "bz2", "xz", "tar", "zst", "cab", "iso", "dmg");
    private static final Set<String> PROGRAMS = Set.of("exe", "dll", "so", "dylib", "class", "o", "a", "lib", "bin",
            "pyc", "wasm", "msi", "msp", "mst", "deb", "rpm");
    private static final Set<String> MEDIA = Set.of("mp3", "mp4", "m4a", "m4v", "wav", "avi", "mov", "mkv", "flac",
            "ogg", "wmv", "webm", "aac", "amr");
    private static final Set<String> FONTS = Set.of("ttf", "otf", "ttc", "woff", "woff2", "fon", "pfb");

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("executable", "ELF", 0, bytes(0x7F, 'E', 'L', 'F')),
            new Signature("executable", "Java class / Mach-O", 0, bytes(0xCA, 0xFE, 0xBA, 0xBE)),
            new Signature("executable", "Mach-O", 0, bytes(0xCF, 0xFA, 0xED, 0xFE)),
            new Signature("executable", "Mach-O", 0, bytes(0xCE, 0xFA, 0xED, 0xFE)),
            new Signature("executable", "WebAssembly", 0, bytes(0, 'a', 's', 'm')),
            new Signature("image", "PNG", 0, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
            new Signature("image", "JPEG", 0, bytes(0xFF, 0xD8, 0xFF)),
            new Signature("image", "GIF", 0, ascii("GIF87a")),
            new Signature("image", "GIF", 0, ascii("GIF89a")),
            new Signature("image", "TIFF", 0, bytes('I', 'I', '*', 0)),
            new Signature("image", "TIFF", 0, bytes('M', 'M', 0, '*')),
            new Signature("image", "WebP", 8, ascii("WEBP")),
            new Signature("image", "Photoshop", 0, ascii("8BPS")),
            new Signature("image", "HEIF", 4, ascii("ftypheic")),
            new Signature("image", "HEIF", 4, ascii("ftypmif1")),
            new Signature("media", "MP4/QuickTime", 4, ascii("ftyp")),
            new Signature("media", "WAV", 8, ascii("WAVE")),
            new Signature("media", "AVI", 8, ascii("AVI ")),
            new Signature("media", "MP3", 0, ascii("ID3")),
            new Signature("media", "Ogg", 0, ascii("OggS")),
            new Signature("media", "FLAC", 0, ascii("fLaC")),
            new Signature("media", "Matroska/WebM", 0, bytes(0x1A, 0x45, 0xDF, 0xA3)),
            new Signature("media", "Windows Media", 0, bytes(0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)),
            new Signature("archive", "gzip", 0, bytes(0x1F, 0x8B)),
            new Signature("archive", "bzip2", 0, ascii("BZh")),
            new Signature("archive", "xz", 0, bytes(0xFD, '7', 'z', 'X', 'Z', 0)),
            new Signature("archive", "7-Zip", 0, bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C)),
            new Signature("archive", "RAR", 0, ascii("Rar!")),
            new Signature("archive", "Zstandard", 0, bytes(0x28, 0xB5, 0x2F, 0xFD)),
            new Signature("archive", "tar", 257, ascii("ustar")),
            new Signature("archive", "cabinet", 0, ascii("MSCF")),
            new Signature("database", "SQLite", 0, ascii("SQLite format 3")),
            new Signature("font", "TrueType collection", 0, ascii("ttcf")),
            new Signature("font", "OpenType", 0, ascii("OTTO")),
            new Signature("font", "WOFF", 0, ascii("wOFF")),
            new Signature("font", "WOFF2", 0, ascii("wOF2")),
            new Signature("document", "RTF", 0, ascii("{\\rtf")),
            new Signature("document", "WordPerfect", 0, bytes(0xFF, 'W', 'P', 'C')),
            new Signature("document", "PostScript", 0, ascii("%!PS")),
            new Signature("document", "DjVu", 0, ascii("AT&TFORM")),
            new Signature("document", "MIME web archive", 0, ascii("MIME-Version:")));

    private KnownContent() {
    }

    /**
     * What the content is by its signature, when it has one this class knows: a container's entries or streams, or
     * the magic bytes of a program, image, archive, medium, font or a document format. Empty for text, for unknown
     * binary data and for a container too damaged to list (its own format's reader says what is wrong).
     */
    public static Optional<Kind> bySignature(ContentProbe probe) {
        if (probe.zip()) {
            return zip(probe);
        }
        if (probe.ole2()) {
            return ole2(probe);
        }
        for (Signature s : SIGNATURES) {
            if (s.matches(probe)) {
                return Optional.of(new Kind(s.kind(), s.kind().equals("document"), s.detail()));
            }
        }
        // "MZ" alone is too short a signature for text that happens to start with it.
        if (probe.binary() && probe.startsWith(ascii("MZ"))) {
            return Optional.of(new Kind("executable", false, "Windows"));
        }
        return Optional.empty();
    }

    /**
     * What a file is by its extension (lower case, no dot; empty for none), for content with no known signature;
     * the detail is {@code .ext}, or the file's name when it has no extension.
     */
    public static Kind byExtension(String extension, ContentProbe probe) {
        String e = extension;
        String shown = e.isEmpty() ? String.valueOf(probe.file().getFileName()) : "." + e;
        if (DOCUMENTS.contains(e) && !(ALSO_TEXT.contains(e) && !probe.binary())) {
            return new Kind("document", true, shown);
        }
        if (probe.length() == 0) {
            return new Kind("empty", false, shown);
        }
        for (var group : List.of(
                new Group("source", SOURCE), new Group("data", DATA), new Group("image", IMAGES),
                new Group("archive", ARCHIVES), new Group("executable", PROGRAMS), new Group("media", MEDIA),
                new Group("font", FONTS))) {
            if (group.extensions().contains(e)) {
                return new Kind(group.id(), false, shown);
            }
        }
        return new Kind(probe.binary() ? "binary" : "text", false, shown);
    }

    /** True when {@code extension} (lower case, no dot) is that of a document of some kind. */
    public static boolean documentExtension(String extension) {
        return DOCUMENTS.contains(extension);
    }

    private static Optional<Kind> zip(ContentProbe probe) {
        var entries = probe.zipEntries();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (entries.contains("[Content_Types].xml")) {
            String main = entries.stream().filter(n -> n.indexOf('/') > 0).map(n -> n.substring(0, n.indexOf('/')))
                    .filter(d -> Set.of("word", "xl", "ppt", "visio", "Documents").contains(d)).findFirst()
                    .orElse("");
            return Optional.of(new Kind("package", true, switch (main) {
                case "word" -> "OOXML word processing";
                case "xl" -> "OOXML spreadsheet";
                case "ppt" -> "OOXML presentation";
                case "visio" -> "Visio drawing";
                case "Documents" -> "XPS";
                default -> "Open Packaging Conventions";
            }));
        }
        Optional<String> mimetype = probe.zipText("mimetype", 100).map(String::strip);
        if (mimetype.isPresent() && !mimetype.get().isEmpty()) {
            return Optional.of(new Kind("package", true, mimetype.get()));
        }
        if (entries.contains("META-INF/MANIFEST.MF") || entries.stream().anyMatch(n -> n.endsWith(".class"))) {
            return Optional.of(new Kind("archive", false, "Java archive"));
        }
        return Optional.of(new Kind("archive", false, "ZIP"));
    }

    private static Optional<Kind> ole2(ContentProbe probe) {
        var streams = probe.oleStreams();
        if (streams.isEmpty()) {
            return Optional.empty();
        }
        if (streams.contains("Catalog") && streams.stream().allMatch(s -> s.equals("Catalog") || s.matches("\\d+"))) {
            return Optional.of(new Kind("thumbnails", false, "Thumbs.db"));
        }
        List<String> shown = streams.stream().map(KnownContent::printable).limit(6).toList();
        return Optional.of(new Kind("compound", true, String.join(", ", shown) + (streams.size() > 6 ? ", …" : "")));
    }

    /** OLE2 stream names may start with a control character (U+0005 before {@code SummaryInformation}). */
    private static String printable(String name) {
        return name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private record Group(String id, Set<String> extensions) {
    }

    /** Magic bytes at an offset. */
    private record Signature(String kind, String detail, int offset, byte[] magic) {

        boolean matches(ContentProbe probe) {
            return probe.hasAt(offset, magic);
        }
    }
}
