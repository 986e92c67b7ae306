package dev.marking.core.format;

/** What kind of content a reader does not see (see {@link HiddenItem}); the id names it in messages and parts. */
public enum HiddenKind {
    /** A tracked deletion not accepted. */
    DELETION("deletion"),
    /** A tracked insertion not accepted. */
    INSERTION("insertion"),
    /** A comment (批注). */
    COMMENT("comment"),
    /** Speaker notes of a slide: not shown in the slide show, but carried with the file. */
    NOTES("notes"),
    /** Text formatted as hidden ({@code w:vanish}). */
    HIDDEN_TEXT("hidden-text"),
    /** A custom XML part. */
    CUSTOM_XML("custom-xml"),
    /** A document property or metadata value. */
    PROPERTY("property"),
    /** Alternative text of an image or shape. */
    ALT_TEXT("alt-text"),
    /** An embedded object (OLE, package). */
    EMBEDDED_OBJECT("embedded-object"),
    /** A file attached to the document. */
    ATTACHMENT("attachment"),
    /** A script in the document. */
    JAVASCRIPT("javascript"),
    /** A layer (optional content group) that is not shown. */
    HIDDEN_LAYER("hidden-layer"),
    /** Text a reader cannot see: under a box, same colour, clipped; the location part says how. */
    COVERED_TEXT("covered-text"),
    /** Text a later incremental update of a PDF removed but the file still carries. */
    EARLIER_REVISION("earlier-revision"),
    /** A workbook sheet that is hidden (or very hidden) and still holds its cells. */
    HIDDEN_SHEET("hidden-sheet"),
    /** Rows or columns of a sheet that are hidden and still hold text. */
    HIDDEN_CELLS("hidden-cells"),
    /** A presentation slide hidden from the slide show and from printing. */
    HIDDEN_SLIDE("hidden-slide"),
    /** Speaker notes of a slide, not shown on the slide itself. */
    SPEAKER_NOTES("notes");

    private final String id;

    HiddenKind(String id) {
        this.id = id;
    }

    /** {@code deletion}, {@code covered-text}, …: stable, used in message keys ({@code hidden.<id>}). */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
