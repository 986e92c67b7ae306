package dev.marking.core.rules.declass;

import dev.marking.core.model.Location;
import dev.marking.core.text.Messages;

/** A location in the reader's language ({@code 第2段第5列}, {@code paragraph 2, column 5}) for messages. */
final class Where {

    private Where() {
    }

    static String describe(Location at, Messages messages) {
        StringBuilder sb = new StringBuilder();
        append(sb, messages, "where.page", at.page());
        append(sb, messages, "where.section", at.section());
        if (at.part() != null && !"body".equals(at.part())) {
            sb.append(sb.length() > 0 ? messages.format("where.separator") : "").append(at.part());
        }
        append(sb, messages, "where.paragraph", at.paragraph());
        append(sb, messages, "where.line", at.line());
        append(sb, messages, "where.column", at.column());
        return sb.toString();
    }

    private static void append(StringBuilder sb, Messages messages, String key, int value) {
        if (value > 0) {
            sb.append(sb.length() > 0 ? messages.format("where.separator") : "").append(messages.format(key, value));
        }
    }
}
