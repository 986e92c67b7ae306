package dev.marking.spark;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The job's own messages to the person who submitted it, in Chinese or English. */
final class JobMessages {

    private final ResourceBundle bundle;
    private final Locale locale;

    JobMessages(String lang) {
        this.locale = lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang);
        this.bundle = ResourceBundle.getBundle("dev.marking.spark.messages", locale);
    }

    String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
