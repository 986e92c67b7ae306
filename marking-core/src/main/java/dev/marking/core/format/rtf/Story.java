package dev.marking.core.format.rtf;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one RTF story (the body, one header, the footnotes, one comment) as paragraphs, each with what
 * was hidden ({@code \v}) or deleted ({@code \deleted}) in it; paragraphs are numbered 1, 2, … like the DOCX
 * reader's, blank ones included.
 */
final class Story {

    /**
     * One paragraph.
     *
     * @param section 1-based section it is in (the body's sections; 0 elsewhere)
     * @param index   1-based paragraph number within the story
     * @param text    visible text
     * @param hidden  hidden text
     * @param deleted text of unaccepted deletions
     */
    record Paragraph(int section, int index, String text, String hidden, String deleted) {
    }

    private final String part;
    private int section;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final List<String> watermarks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder hidden = new StringBuilder();
    private final StringBuilder deleted = new StringBuilder();
    private int index;

    Story(String part, int section) {
        this.part = part;
        this.section = section;
    }

    String part() {
        return part;
    }

    void append(String s, boolean isHidden, boolean isDeleted) {
        (isDeleted ? deleted : isHidden ? hidden : text).append(s);
    }

    /** Ends the paragraph being read (a {@code \par}, a cell, the end of the story). */
    void endParagraph() {
        index++;
        String t = clean(text);
        String h = clean(hidden);
        String d = clean(deleted);
        if (!t.isEmpty() || !h.isEmpty() || !d.isEmpty()) {
            paragraphs.add(new Paragraph(section, index, t, h, d));
        }
        text.setLength(0);
        hidden.setLength(0);
        deleted.setLength(0);
    }

    /** Ends the story: an unterminated last paragraph still counts. */
    void finish() {
        if (text.length() > 0 || hidden.length() > 0 || deleted.length() > 0) {
            endParagraph();
        }
    }

    /** The body moves on to the next section at {@code \sect}. */
    void nextSection() {
        section++;
    }

    int section() {
        return section;
    }

    /** The number the paragraph being read will get. */
    int nextIndex() {
        return index + 1;
    }

    List<Paragraph> paragraphs() {
        return paragraphs;
    }

    void watermark(String text) {
        if (!text.isBlank()) {
            watermarks.add(text.strip());
        }
    }

    List<String> watermarks() {
        return watermarks;
    }

    /** All visible text, paragraphs joined by spaces (a comment's text). */
    String joined() {
        return String.join(" ", paragraphs.stream().map(Paragraph::text).filter(t -> !t.isEmpty()).toList());
    }

    private static String clean(StringBuilder sb) {
        return sb.toString().replace('\u00a0', ' ').replaceAll("[\\p{Cntrl}&&[^\\t]]", "").replace('\t', ' ').strip();
    }
}
