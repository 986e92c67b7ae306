/**
 * OpenDocument ({@code .odt .ods .odp}): packages read with {@code java.util.zip} under size limits, XML read
 * with StAX (content, streaming) and DOM (styles, metadata), both with DTDs and external entities off.
 * Text documents are stamped; spreadsheets and presentations convert or are refused.
 */
package dev.marking.core.format.odf;
