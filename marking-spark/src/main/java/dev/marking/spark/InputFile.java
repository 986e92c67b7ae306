package dev.marking.spark;

/**
 * One document to check.
 *
 * @param path     as reports show it: a plain path for the local file system, else the full URI
 * @param source   the fully qualified Hadoop path to read it from
 * @param relative its '/'-separated path under the folder it was found in (as given when named directly),
 *                 which policy globs, suppressions and path rules match
 * @param size     its length in bytes when listed
 * @param modified its modification time when listed (milliseconds since 1970), which with its size tells a
 *                 file skipped earlier as not a document is unchanged without fetching it again
 * @param walked   true when found by walking a folder (a file that is not a document is then skipped, as the
 *                 CLI skips it), false when named directly
 */
record InputFile(String path, String source, String relative, long size, long modified, boolean walked) {
}
