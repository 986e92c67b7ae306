package dev.marking.cli;

import dev.marking.core.engine.Engine;
import dev.marking.core.scan.Scanner;

/** A shell building its own scanner instead of calling the engine: refused; the engine import is fine. */
final class ShellReachingIn {

    private Engine engine;
    private Scanner scanner;

    Engine engine() {
        return engine;
    }

    Scanner scanner() {
        return scanner;
    }
}
