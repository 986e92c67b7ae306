package dev.marking.core.rules;

import java.util.List;

/** The stable rule ids of DESIGN §3.2; reports, policies, suppressions and baselines use them. */
public final class RuleIds {

    public static final List<String> ALL = List.of("marking.missing", "marking.invalid", "marking.noncanonical",
            "marking.inconsistent", "marking.incomplete", "term.expired", "copy.invalid", "declass.fake",
            "redaction.fake", "hidden.content", "pii.id-card", "pii.phone", "pii.bank-card", "pii.email", "seal.broken",
            "file.unreadable", "file.encrypted", "file.no-text");

    private RuleIds() {
    }
}
