package dev.marking.core.engine;

import dev.marking.core.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * May these files go through this channel?
 *
 * @param files   the files to send
 * @param names   how to show given files (an upload kept under a private name); others as given
 * @param channel {@code email}, {@code courier}, …
 * @param policy  the policy in force
 * @param ledger  the distribution ledger (a file's path or a store's URL), for channels that need a registered
 *                copy; null for none
 * @param lang    {@code zh} or {@code en}; null for the default locale
 */
public record PresendRequest(List<Path> files, Map<Path, String> names, String channel, Policy policy, String ledger,
        String lang) {

    public PresendRequest {
        files = List.copyOf(files);
        names = Map.copyOf(names);
    }

    public static PresendRequest of(List<Path> files, String channel, Policy policy) {
        return new PresendRequest(files, Map.of(), channel, policy, null, null);
    }

    /** One uploaded file shown as {@code name}. */
    public static PresendRequest upload(Path file, String name, String channel, Policy policy) {
        return new PresendRequest(List.of(file), Map.of(file, name), channel, policy, null, null);
    }

    /** The ledger at {@code location}: a JSON-lines file's path, {@code sqlite:PATH} or {@code postgresql://…}. */
    public PresendRequest withLedger(String location) {
        return new PresendRequest(files, names, channel, policy, location, lang);
    }

    public PresendRequest withLedger(Path file) {
        return withLedger(file == null ? null : file.toString());
    }

    public PresendRequest withLang(String l) {
        return new PresendRequest(files, names, channel, policy, ledger, l);
    }
}
