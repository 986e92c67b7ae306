package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.Layout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The ink of each page of a document being stamped ({@link InkMap}), rendered once our earlier stamp
 * is off, by {@link InkRenderer}. {@link Layout#OVERLAY} needs none. A page the renderer cannot draw counts as
 * fully inked, and so does an image it cannot decode, so the layout makes room rather than guess.
 *
 * <p>Rendering is most of a long document's stamp, and a PDFBox document cannot be drawn from two threads. On a
 * machine with more than one core, a document of {@value #MIN_PAGES} pages or more is therefore opened a second
 * time from its file (a <i>twin</i>, with the same earlier markings taken off,
 * {@link PageContents#removeEarlierMarkings}) and a helper thread renders the odd
 * pages from it, at most {@value #AHEAD} ahead, while the caller renders the even ones: the pages are the same, so
 * the maps are. If the twin cannot be opened or a page's frame differs, the caller renders the page itself. The
 * helper stops with {@link #close()} and when the caller is interrupted (the time limit for one file).
 */
final class PageInkSource implements AutoCloseable {

    /** Fewer pages than this are rendered on the caller's thread alone: a second copy would not pay for itself. */
    static final int MIN_PAGES = 8;
    /** How many pages the helper may render ahead of the caller (each map is some 0.6 MB on A4). */
    static final int AHEAD = 4;

    private final PDFRenderer renderer;
    private final Helper helper;

    private PageInkSource(PDFRenderer renderer, Helper helper) {
        this.renderer = renderer;
        this.helper = helper;
    }

    /**
     * The ink of {@code doc}'s pages, whose earlier stamps are already off; {@code source} is its file, opened again
     * for a helper thread where that pays.
     */
    static PageInkSource of(PDDocument doc, Path source, Layout layout) {
        return withTwin(doc, layout, source != null && doc.getNumberOfPages() >= MIN_PAGES
                && Runtime.getRuntime().availableProcessors() > 1 ? source : null);
    }

    /** The ink of {@code doc}'s pages, the odd ones rendered from a twin opened from {@code twin} unless it is null. */
    static PageInkSource withTwin(PDDocument doc, Layout layout, Path twin) {
        if (layout == Layout.OVERLAY) {
            return new PageInkSource(null, null);
        }
        return new PageInkSource(renderer(doc), twin != null ? Helper.start(twin, doc.getNumberOfPages()) : null);
    }

    /** The ink of page {@code index} (0-based), whose frame is {@code frame}; pages are asked for in order. */
    InkMap of(int index, PageFrame frame) {
        if (renderer == null) {
            return InkMap.blank(frame);
        }
        if (helper != null && index % 2 == 1) {
            InkMap ink = helper.take(index, frame);
            if (ink != null) {
                return ink;
            }
        }
        return render(renderer, index, frame);
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.stop();
        }
    }

    private static PDFRenderer renderer(PDDocument doc) {
        PDFRenderer r = new InkRenderer(doc);
        r.setSubsamplingAllowed(true);
        return r;
    }

    private static InkMap render(PDFRenderer renderer, int index, PageFrame frame) {
        try {
            return InkMap.of(renderer, index, frame);
        } catch (IOException | RuntimeException e) {
            return InkMap.full(frame);
        }
    }

    /** A page's ink from the twin, with the frame it was rendered for; {@code ink} null when it could not be made. */
    private record Rendered(int index, PageFrame frame, InkMap ink) {
    }

    /** The helper thread: the twin's odd pages, in order, into a short queue. */
    private static final class Helper implements Runnable {

        private final Path source;
        private final int pages;
        private final BlockingQueue<Rendered> done = new ArrayBlockingQueue<>(AHEAD);
        private final Thread thread;
        private volatile boolean failed;

        private Helper(Path source, int pages) {
            this.source = source;
            this.pages = pages;
            this.thread = new Thread(this, "marking-ink");
            thread.setDaemon(true);
        }

        static Helper start(Path source, int pages) {
            Helper h = new Helper(source, pages);
            h.thread.start();
            return h;
        }

        @Override
        public void run() {
            PDDocument twin = null;
            try {
                twin = PdfDocuments.open(source);
                PageContents.removeEarlierMarkings(twin);
                if (twin.getNumberOfPages() != pages) {
                    failed = true;
                    return;
                }
                PDFRenderer r = renderer(twin);
                for (int i = 1; i < pages && !Thread.currentThread().isInterrupted(); i += 2) {
                    PageFrame frame = PageFrame.of(twin.getPage(i));
                    done.put(new Rendered(i, frame, render(r, i, frame)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (DocumentException | IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failed = true; // the caller renders what is left, and meets the same problem there if it is one
            } finally {
                if (twin != null) {
                    PdfDocuments.close(twin);
                }
            }
        }

        /** The twin's ink of page {@code index}, or null when the caller must render it itself. */
        InkMap take(int index, PageFrame frame) {
            try {
                while (true) {
                    Rendered r = done.poll(50, TimeUnit.MILLISECONDS);
                    if (r == null) {
                        if (failed || !thread.isAlive() && done.isEmpty()) {
                            return null;
                        }
                        continue;
                    }
                    if (r.index() == index) {
                        return same(r.frame(), frame) ? r.ink() : null;
                    }
                    if (r.index() > index) {
                        return null; // not asked in order: never happens in stamping
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new CancellationException("stopped: the thread was interrupted (the time limit for one file)");
            }
        }

        void stop() {
            thread.interrupt();
            done.clear();
        }

        private static boolean same(PageFrame a, PageFrame b) {
            return a.width() == b.width() && a.height() == b.height() && a.rotation() == b.rotation();
        }
    }
}
