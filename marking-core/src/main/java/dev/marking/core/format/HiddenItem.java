package dev.marking.core.format;

import dev.marking.core.model.Location;

/**
 * Content a reader does not see but the file still carries.
 *
 * @param kind     what it is
 * @param text     the hidden text (may be empty for binary objects)
 * @param location where it is
 */
public record HiddenItem(HiddenKind kind, String text, Location location) {
}
