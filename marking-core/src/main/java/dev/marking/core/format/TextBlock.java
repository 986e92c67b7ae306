package dev.marking.core.format;

import dev.marking.core.model.Location;

/** A run of text (a paragraph, table cell, line or header paragraph) and where it is. */
public record TextBlock(String text, Location location) {
}
