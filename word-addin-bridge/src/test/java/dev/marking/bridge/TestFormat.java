package dev.marking.bridge;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A format for tests of the bridge's deadlines: files with its extension are "read" by a behaviour the test
 * gives (sleep, spin, ignore interrupts), and then found unreadable.
 */
final class TestFormat implements DocumentFormat {

    /** What reading a file does before the file is declared unreadable. */
    interface Reading {
        void read(Path file);
    }

    private final String extension;
    private final Reading reading;

    TestFormat(String extension, Reading reading) {
        this.extension = extension;
        this.reading = reading;
    }

    /** Sleeps for {@code time}; an interrupt ends the sleep. */
    static TestFormat sleeping(String extension, Duration time) {
        return new TestFormat(extension, file -> {
            try {
                Thread.sleep(time.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public String id() {
        return extension;
    }

    @Override
    public List<String> extensions() {
        return List.of(extension);
    }

    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public Recognition recognise(ContentProbe content) {
        return Recognition.NONE;
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        reading.read(file);
        throw new DocumentException(file, DocumentException.Kind.UNREADABLE, "a " + extension + " test file");
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        read(source);
    }
}
