package dev.marking.cli;

import picocli.CommandLine.Option;

/** {@code --lang zh|en}: the language of messages (default from the locale); the engine checks it. */
final class LangOption {

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of messages: zh or en (default: from the locale).")
    private String lang;

    String lang() {
        return lang;
    }
}
