/**
 * Rich Text Format, read by a small streaming tokenizer of our own (code pages per font, Unicode escapes,
 * header/footer and comment destinations); stamped only through conversion to DOCX.
 */
package dev.marking.core.format.rtf;
