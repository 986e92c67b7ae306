package dev.marking.cli;

import dev.marking.core.text.Messages;
import picocli.CommandLine.Option;

/** {@code --lang zh|en}: the language of messages (default from the locale). */
final class LangOption {

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of messages: zh or en (default: from the locale).")
    private String lang;

    Messages messages() {
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
            throw new UsageException("--lang must be zh or en, not " + lang);
        }
        return Messages.forLang(lang);
    }
}
