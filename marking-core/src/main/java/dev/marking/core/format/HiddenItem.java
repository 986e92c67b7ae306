package dev.marking.core.format;

import dev.marking.core.model.Location;

/**
 * Content a reader does not see but the file still carries.
 *
 * @param kind     e.g. {@code deletion}, {@code insertion}, {@code comment}, {@code hidden-text},
 *                 {@code custom-xml}, {@code property}, {@code alt-text}, {@code embedded-object},
 *                 {@code attachment}, {@code javascript}, {@code hidden-layer}, {@code covered-text} (text a
 *                 reader cannot see: under a box, same colour, clipped; the location part says how),
 *                 {@code earlier-revision} (PDF text a later incremental update removed)
 * @param text     the hidden text (may be empty for binary objects)
 * @param location where it is
 */
public record HiddenItem(String kind, String text, Location location) {
}
