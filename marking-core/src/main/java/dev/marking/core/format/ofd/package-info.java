/**
 * OFD adapter (GB/T 33190-2016) over the JDK's DOM and {@code java.util.zip}.
 *
 * <p>{@code OfdPackage} reads the ZIP whole under {@code OfdLimits} (entry count, entry and total size,
 * compression ratio, entry paths), {@code OfdXml} parses parts with no DTD, no external entities and a
 * bounded depth, {@code OfdDocument} follows {@code OFD.xml} → {@code Document.xml} → pages and templates,
 * resolving locations relative to the naming part unless they start with {@code /}.
 *
 * <p>Reading ({@code OfdModelReader}): {@code PageObjects} places every text code on the page (X/Y,
 * DeltaX/DeltaY with the {@code g} shorthand, CTM, Boundary), {@code TextLines} puts them into reading order.
 * Stamping ({@code OfdStamper}): a {@code Layer Type="Foreground"} per page whose text objects are named
 * {@code MarkingStamp.header|footer|watermark|block} ({@code StampRole}), laid out by {@code StampLayout} off
 * the page's own ink ({@code Obstacles}), drawn in a TrueType subset ({@code StampFont}) declared as
 * 黑体/SimHei in our own {@code MarkingStampRes.xml}; {@code marking.*} keys in {@code DocInfo/CustomDatas}.
 * A restamp removes all of that first ({@code OurStamp}). Packages whose electronic seal or integrity list
 * ({@code OfdSeals}) covers a part the stamp changes are refused.
 */
package dev.marking.core.format.ofd;
