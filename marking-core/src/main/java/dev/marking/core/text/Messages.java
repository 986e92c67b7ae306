package dev.marking.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing messages from the {@code messages} bundle, in Chinese or English. */
public final class Messages {

    private static final String BUNDLE = "dev.marking.core.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Messages for {@code zh} or {@code en}; anything else falls back to English. */
    public static Messages forLocale(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        return new Messages(chinese ? Locale.CHINESE : Locale.ROOT);
    }

    /** Messages for a {@code --lang} value ({@code zh}, {@code en}) or, when null, the default locale. */
    public static Messages forLang(String lang) {
        return forLocale(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
    }

    public Locale locale() {
        return locale;
    }

    /** True when the bundle has a message for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The message for {@code key} with {@code args} filled in; the key itself when missing. */
    public String format(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
