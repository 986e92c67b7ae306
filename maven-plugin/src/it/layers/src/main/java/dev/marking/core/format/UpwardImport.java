package dev.marking.core.format;

import dev.marking.core.scan.Scanner;

/** An adapter-level type reaching up to the scanner: a layer violation the build must refuse. */
final class UpwardImport {

    private Scanner scanner;

    Scanner scanner() {
        return scanner;
    }
}
