package dev.marking.core.rules.declass;

/** What a placeholder is for; it decides which rule reports it, if any. */
public enum PlaceholderUse {
    /** Hides a name or figure of a secret matter: {@code declass.fake}. */
    CONCEALMENT,
    /**
     * Lawful de-identification: a personal-name pseudonym ({@code 张某某}, {@code 李X}), masked plate, account
     * or ID digits, and the parties, civil organisations and places a court judgment anonymises; reported
     * only when the policy asks for it ({@code declass.pseudonyms}).
     */
    DE_IDENTIFICATION,
    /** A fill-in blank of a form, template or contract ({@code 第XX条}, {@code ××省××市}): {@code declass.template}. */
    TEMPLATE
}
