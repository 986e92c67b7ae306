package dev.marking.core.engine;

import java.nio.file.Path;
import java.util.function.IntConsumer;

/** Hears how far stamping numbered copies has got, e.g. for a progress bar. */
@FunctionalInterface
public interface CopyProgress {

    /** Nothing to show. */
    CopyProgress NONE = (file, count) -> new Tracker() {
        @Override
        public void accept(int done) {
        }

        @Override
        public void close() {
        }
    };

    /** Stamping {@code count} copies of {@code file} starts; the tracker hears each finished copy and is closed after. */
    Tracker start(Path file, int count);

    /** Told the number of finished copies after each one (from several threads); closed when the file is done. */
    interface Tracker extends IntConsumer, AutoCloseable {
        @Override
        void close();
    }
}
