/**
 * Office 97–2003 binary files and their Kingsoft WPS Office twins ({@code .doc .xls .ppt .wps .et .dps}),
 * read through Apache POI (HWPF, HSSF, HSLF). They are never written: stamping converts them to the
 * modern counterpart first ({@link dev.marking.core.format.Conversion}).
 */
package dev.marking.core.format.legacy;
