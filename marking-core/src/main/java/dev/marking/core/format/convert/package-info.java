/**
 * Stamping formats that are never written: {@link dev.marking.core.format.convert.OfficeConverter} runs
 * LibreOffice headless in a private folder with its own profile and a time limit, and
 * {@link dev.marking.core.format.convert.StampSource} picks the file and adapter a stamp works on.
 */
package dev.marking.core.format.convert;
