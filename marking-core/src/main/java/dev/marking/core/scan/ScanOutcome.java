package dev.marking.core.scan;

/**
 * What a scan did.
 *
 * @param result    all results, as a scan without cache gives them
 * @param fromCache files answered from the cache
 * @param read      files read and checked
 */
public record ScanOutcome(ScanResult result, int fromCache, int read) {

    public int files() {
        return result.files().size();
    }
}
