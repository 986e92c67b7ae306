package dev.marking.cli;

import dev.marking.core.engine.Engine;
import java.util.Iterator;

/** The engine the commands call, and the names its registries give help texts. */
final class Engines {

    private static final Engine STANDARD = Engine.standard(Version.current());

    private Engines() {
    }

    static Engine standard() {
        return STANDARD;
    }

    /** Report format ids for {@code --format} ({@code ${COMPLETION-CANDIDATES}} in help). */
    static final class ReportFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Engine.reportFormats().iterator();
        }
    }

    /** Channel names for {@code --channel}. */
    static final class Channels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Engine.channels().iterator();
        }
    }
}
