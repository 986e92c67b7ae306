package dev.marking.core.policy;

import java.util.List;
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

    /** The channels every policy knows, in the order help texts list them. */
    public static final List<String> NAMES = List.of("email", "im", "netdisk", "post", "usb", "courier", "print");
}
