package dev.marking.core.format.pdf;

import dev.marking.core.format.Layout;
import dev.marking.core.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the layout did to a document's pages, said once per document: which pages were shrunk (how far) or moved. */
final class LayoutNotes {

    private final Layout layout;
    private final List<Integer> shrunk = new ArrayList<>();
    private final List<Integer> moved = new ArrayList<>();
    private final List<Integer> overlapped = new ArrayList<>();
    private float smallest = 1;

    LayoutNotes(Layout layout) {
        this.layout = layout;
    }

    /** Records the plan of page {@code page} (1-based). */
    void add(int page, PagePlan plan) {
        if (plan.shrink().scale() < 1) {
            shrunk.add(page);
            smallest = Math.min(smallest, plan.shrink().scale());
        } else if (!plan.shrink().none()) {
            moved.add(page);
        }
        if (plan.overlapped()) {
            overlapped.add(page);
        }
    }

    void report(Consumer<Message> notes) {
        if (!shrunk.isEmpty()) {
            notes.accept(Message.of(layout == Layout.SHRINK ? "stamp.shrunk-all" : "stamp.shrunk", pages(shrunk),
                    Math.round(smallest * 100), shrunk.size()));
        }
        if (!moved.isEmpty()) {
            notes.accept(Message.of("stamp.moved", pages(moved), moved.size()));
        }
        if (!overlapped.isEmpty()) {
            notes.accept(Message.of("stamp.overlap", pages(overlapped), overlapped.size()));
        }
    }

    /** {@code 1, 3–5, 9}. */
    static String pages(List<Integer> pages) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            int from = pages.get(i);
            int to = from;
            while (i + 1 < pages.size() && pages.get(i + 1) == to + 1) {
                to = pages.get(++i);
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(from).append(to == from ? "" : "–" + to);
        }
        return sb.toString();
    }
}
