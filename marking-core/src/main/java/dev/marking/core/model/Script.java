package dev.marking.core.model;

import dev.marking.core.text.ScriptFolding;

/**
 * The script marks are written in (DESIGN §1.9): both are read alike; the policy's script is the one
 * stamped and the one a mark must use to be canonical ({@code marking.script}).
 */
public enum Script {
    /** 简体: 机密★5年. The default. */
    SIMPLIFIED,
    /** 繁體: 機密★5年. */
    TRADITIONAL;

    /** {@code simplified} (a canonical mark, a level name) written in this script. */
    public String write(String simplified) {
        return this == TRADITIONAL ? ScriptFolding.toTraditional(simplified) : simplified;
    }
}
