package dev.marking.core.policy;

import java.util.List;
import java.util.Set;

/**
 * What one distribution channel accepts (DESIGN §1.7).
 *
 * @param name           {@code email}, {@code im}, {@code netdisk}, {@code post}, {@code usb}, {@code fax},
 *                       {@code crypto-fax} (密码传真), {@code courier} (机要), {@code print}
 * @param classified     whether documents at a classified level of a blocked scheme may go this way
 * @param blockedSchemes schemes whose classified levels this channel refuses (default {@code state})
 * @param ledger         true when a copy must be registered in the distribution ledger to go this way
 * @param blockedLevels  levels refused on this channel whatever {@code classified} says (绝密 on every electronic
 *                       channel: "绝密级公文不得利用计算机、传真机传输")
 */
public record ChannelRule(String name, boolean classified, Set<String> blockedSchemes, boolean ledger,
        Set<String> blockedLevels) {

    /** The channels every policy knows, in the order help texts list them. */
    public static final List<String> NAMES = List.of("email", "im", "netdisk", "post", "usb", "fax", "crypto-fax",
            "courier", "print");

    public ChannelRule {
        blockedSchemes = Set.copyOf(blockedSchemes);
        blockedLevels = Set.copyOf(blockedLevels);
    }

    /** A channel that refuses no level by name. */
    public ChannelRule(String name, boolean classified, Set<String> blockedSchemes, boolean ledger) {
        this(name, classified, blockedSchemes, ledger, Set.of());
    }
}
