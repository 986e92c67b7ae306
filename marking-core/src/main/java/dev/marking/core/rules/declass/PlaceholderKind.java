package dev.marking.core.rules.declass;

/** How a name or figure was masked; a strong kind is a placeholder wherever it stands before a name. */
public enum PlaceholderKind {
    /** One capital letter: {@code A基地}, {@code X月}. */
    LETTER(false, "letters", false),
    /** A run of X, Y or Z, or a masked number: {@code XX部队}, {@code XX-XXX}. */
    LETTERS(true, "letters", true),
    /** Digits with X in place of some of them: {@code 20XX年}, {@code 11X度}. */
    FIGURE(false, "figure", true),
    /** One symbol: {@code *月}, {@code ○基地}. */
    SYMBOL(false, "symbols", true),
    /** A run of symbols: {@code ***}, {@code ××}, {@code ○○}, {@code □□}, {@code △△}. */
    SYMBOLS(true, "symbols", true),
    /** A number sign: {@code #1厂房}. */
    NUMBERED(false, "symbols", false),
    /** An ordinal stem: {@code 甲部队}, {@code 乙所}. */
    ORDINAL(false, "ordinal", false),
    /** {@code 某} before a unit, title or model: {@code 某部}, {@code 某型号}. */
    MOU(false, "mou", false),
    /** {@code 某某}: {@code 某某首长}. */
    MOU_MOU(true, "mou", false);

    private final boolean strong;
    private final String messageSuffix;
    private final boolean blank;

    PlaceholderKind(boolean strong, String messageSuffix, boolean blank) {
        this.strong = strong;
        this.messageSuffix = messageSuffix;
        this.blank = blank;
    }

    /**
     * True for the generic marks a form leaves to be filled in ({@code ××}, {@code XXX}, {@code *}, {@code 20XX}),
     * false for marks that tell entities apart ({@code A}/{@code B}, {@code 甲}/{@code 乙}, {@code 某}).
     */
    public boolean blank() {
        return blank;
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
