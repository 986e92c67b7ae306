package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * The limits every replay of a page's content keeps (text, ink, layout, rendering), so that a hostile page stops with
 * a {@link LimitException} naming the limit instead of hanging or running out of memory: operators and glyphs per
 * page, graphics states saved and not restored, Form XObjects nested or drawing themselves. A thread that was
 * interrupted (the scan's time limit for one file) stops at the next operator. One instance per replay.
 */
final class ContentLimits {

    /** Content-stream operators one page may run, its Form XObjects included. */
    static final int MAX_OPERATORS = 10_000_000;
    /** Form XObjects drawn inside one another at most this deep. */
    static final int MAX_FORM_DEPTH = 32;
    /** Graphics states saved ({@code q}) and not yet restored, at most (each save copies the whole state). */
    static final int MAX_SAVED_STATES = 10_000;
    /** Glyphs one page may show (a dense page shows some 10,000; the text pass keeps each until the page ends). */
    static final int MAX_GLYPHS = 200_000;

    /** A page broke one of the limits; the message names it. */
    static final class LimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message);
        }
    }

    /** Forms being drawn (identity: two equal dictionaries are still two forms). */
    private final Set<COSStream> forms = Collections.newSetFromMap(new IdentityHashMap<>());
    private int operators;
    private int glyphs;
    private String page = "a page";

    /** A new page ({@code number} 1-based, 0 when the replay does not know it): the counts start again. */
    void startPage(int number) {
        page = number > 0 ? "page " + number : "a page";
        operators = 0;
        glyphs = 0;
        forms.clear();
    }

    /** Before operator {@code name} runs, with {@code savedStates} graphics states on the stack. */
    void operator(String name, int savedStates) throws InterruptedIOException {
        if (++operators > MAX_OPERATORS) {
            throw new LimitException(page + " runs more than " + String.format("%,d", MAX_OPERATORS)
                    + " content-stream operators");
        }
        if ((operators & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("stopped on " + page);
        }
        if ("q".equals(name) && savedStates > MAX_SAVED_STATES) {
            throw new LimitException(page + " saves graphics states (q) more than " + String.format("%,d", MAX_SAVED_STATES)
                    + " deep");
        }
    }

    /** Before a glyph is shown. */
    void glyph() {
        if (++glyphs > MAX_GLYPHS) {
            throw new LimitException(page + " shows more than " + String.format("%,d", MAX_GLYPHS) + " glyphs");
        }
    }

    /** Before {@code form} is drawn; {@link #leave} after. */
    void enter(PDFormXObject form) {
        if (forms.contains(form.getCOSObject())) {
            throw new LimitException(page + " has a Form XObject that draws itself (a cycle of forms)");
        }
        if (forms.size() >= MAX_FORM_DEPTH) {
            throw new LimitException(page + " nests Form XObjects deeper than " + MAX_FORM_DEPTH);
        }
        forms.add(form.getCOSObject());
    }

    /** After {@code form} was drawn. */
    void leave(PDFormXObject form) {
        forms.remove(form.getCOSObject());
    }

    /** Drawing a form (the engine's own {@code showForm} or {@code showTransparencyGroup}). */
    interface Drawing {
        void draw() throws IOException;
    }

    /** Draws {@code form} with {@code drawing} within the limits on forms. */
    void form(PDFormXObject form, Drawing drawing) throws IOException {
        enter(form);
        try {
            drawing.draw();
        } finally {
            leave(form);
        }
    }
}
