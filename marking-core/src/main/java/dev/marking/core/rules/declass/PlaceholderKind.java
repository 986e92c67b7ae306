package dev.marking.core.rules.declass;

/** How a name or figure was masked; a strong kind is a placeholder wherever it stands before a name. */
public enum PlaceholderKind {
    /** One capital letter: {@code A基地}, {@code X月}. */
    LETTER(false, "letters"),
    /** A run of X, Y or Z, or a masked number: {@code XX部队}, {@code XX-XXX}. */
    LETTERS(true, "letters"),
    /** Digits with X in place of some of them: {@code 20XX年}, {@code 11X度}. */
    FIGURE(false, "figure"),
    /** One symbol: {@code *月}, {@code ○基地}. */
    SYMBOL(false, "symbols"),
    /** A run of symbols: {@code ***}, {@code ××}, {@code ○○}, {@code □□}, {@code △△}. */
    SYMBOLS(true, "symbols"),
    /** A number sign: {@code #1厂房}. */
    NUMBERED(false, "symbols"),
    /** An ordinal stem: {@code 甲部队}, {@code 乙所}. */
    ORDINAL(false, "ordinal"),
    /** {@code 某} before a unit, title or model: {@code 某部}, {@code 某型号}. */
    MOU(false, "mou"),
    /** {@code 某某}: {@code 某某首长}. */
    MOU_MOU(true, "mou");

    private final boolean strong;
    private final String messageSuffix;

    PlaceholderKind(boolean strong, String messageSuffix) {
        this.strong = strong;
        this.messageSuffix = messageSuffix;
    }

    /** True when the placeholder needs no strong context term to count (weak terms suffice). */
    public boolean strong() {
        return strong;
    }

    /** Message key that explains this kind of masking. */
    public String messageKey() {
        return "declass.fake." + messageSuffix;
    }
}
