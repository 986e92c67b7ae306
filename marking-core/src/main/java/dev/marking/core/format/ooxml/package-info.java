/**
 * What the Office Open XML adapters (DOCX, XLSX, PPTX) share: opening a package safely and reading
 * Strict packages as transitional ({@link dev.marking.core.format.ooxml.OoxmlPackages}), document
 * properties with our {@code marking.*} metadata ({@link dev.marking.core.format.ooxml.OoxmlProperties})
 * and the items a package carries beside its text
 * ({@link dev.marking.core.format.ooxml.OoxmlPackageItems}).
 */
package dev.marking.core.format.ooxml;
