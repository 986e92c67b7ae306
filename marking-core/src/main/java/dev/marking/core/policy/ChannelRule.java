package dev.marking.core.policy;

import java.util.Set;

/**
 * What one distribution channel accepts (DESIGN §1.7).
 *
 * @param name           {@code email}, {@code im}, {@code netdisk}, {@code post}, {@code usb}, {@code courier}, {@code print}
 * @param classified     whether documents at a classified level of a blocked scheme may go this way
 * @param blockedSchemes schemes whose classified levels this channel refuses (default {@code state})
 * @param ledger         true when a copy must be registered in the distribution ledger to go this way
 */
public record ChannelRule(String name, boolean classified, Set<String> blockedSchemes, boolean ledger) {

    /** The channels every policy knows. */
    public static final Set<String> NAMES = Set.of("email", "im", "netdisk", "post", "usb", "courier", "print");
}
