package dev.marking.core.format.ooxml;

import java.util.Set;

/**
 * What kind of Office Open XML package an adapter expects, for the opening checks and their messages.
 *
 * @param name         {@code DOCX}, {@code XLSX}, {@code PPTX}
 * @param application  {@code Word}, {@code Excel}, {@code PowerPoint}
 * @param legacy       what an OLE2 file of the family would be ({@code a Word 97-2003 .doc})
 * @param mainPart     the main part in words ({@code a Word document part})
 * @param contentTypes content types the main part may have (transitional and Strict use the same ones)
 */
public record OoxmlKind(String name, String application, String legacy, String mainPart, Set<String> contentTypes) {

    public OoxmlKind {
        contentTypes = Set.copyOf(contentTypes);
    }
}
