package dev.marking.core.rules;

/** Whether every document must carry a mark, or only those whose content shows they need one (DESIGN §1.5a). */
public enum MarkingMode {
    /** Every document must declare its level; 公开/非密 count. */
    MANDATORY,
    /** An unmarked document is an error only when its content shows it needs a mark. */
    CONTENT
}
