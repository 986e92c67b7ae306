package dev.marking.core.format.text;

import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown read with a CommonMark parser (commonmark-java) so that rules see the text, not the markup
 * ({@code **bold**}, {@code [link](url)}, {@code # heading}): each run of text that stands unbroken in the
 * source becomes one block at its line and column, so findings point at the source. Code is text too;
 * HTML blocks are kept as written.
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownText() {
    }

    /** The text of {@code lines} (0-based from {@code first}, the line after any front matter) as located blocks. */
    static List<TextBlock> blocks(List<String> lines, int first) {
        Node doc = PARSER.parse(String.join("\n", lines.subList(first, lines.size())));
        Collector c = new Collector(first);
        doc.accept(c);
        c.flush();
        return c.out;
    }

    /** Joins the literal text of inline nodes that touch in the source; markup between them starts a new block. */
    private static final class Collector extends AbstractVisitor {
        private final int first;
        private final List<TextBlock> out = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int line = -1;
        private int column;
        private int endColumn;

        Collector(int first) {
            this.first = first;
        }

        @Override
        public void visit(Text node) {
            add(node.getLiteral(), node.getSourceSpans(), 0);
        }

        @Override
        public void visit(Code node) {
            List<SourceSpan> spans = node.getSourceSpans();
            int ticks = spans.isEmpty() ? 0 : (spans.get(0).getLength() - node.getLiteral().length()) / 2;
            add(node.getLiteral(), spans, Math.max(0, ticks));
        }

        @Override
        public void visit(FencedCodeBlock node) {
            literalLines(node.getLiteral(), node.getSourceSpans(), 1);
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            literalLines(node.getLiteral(), node.getSourceSpans(), 0);
        }

        @Override
        public void visit(HtmlBlock node) {
            literalLines(node.getLiteral(), node.getSourceSpans(), 0);
        }

        /** Inline text: appended to the current block when it starts where that block ends on the same line. */
        private void add(String literal, List<SourceSpan> spans, int skip) {
            if (spans.isEmpty() || literal.isEmpty()) {
                return;
            }
            SourceSpan span = spans.get(0);
            int col = span.getColumnIndex() + skip;
            if (span.getLineIndex() != line || col != endColumn) {
                flush();
                line = span.getLineIndex();
                column = col;
            }
            text.append(literal);
            // escapes and entities are longer in the source than in the text: continue after the source span
            endColumn = span.getColumnIndex() + span.getLength() - skip;
        }

        /** Code and HTML blocks: one block per source line, as written (fences excluded). */
        private void literalLines(String literal, List<SourceSpan> spans, int skipFirst) {
            flush();
            String[] parts = literal.split("\n", -1);
            for (int i = 0; i < parts.length && i + skipFirst < spans.size(); i++) {
                SourceSpan span = spans.get(i + skipFirst);
                if (!parts[i].isBlank()) {
                    out.add(new TextBlock(parts[i], Location.line(first + span.getLineIndex() + 1,
                            span.getColumnIndex() + 1)));
                }
            }
        }

        void flush() {
            if (line >= 0 && !text.toString().isBlank()) {
                out.add(new TextBlock(text.toString(), Location.line(first + line + 1, column + 1)));
            }
            text.setLength(0);
            line = -1;
        }
    }
}
