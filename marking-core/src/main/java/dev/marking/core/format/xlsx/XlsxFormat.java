package dev.marking.core.format.xlsx;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ooxml.OoxmlKind;
import dev.marking.core.format.ooxml.OoxmlPackages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel workbooks (Office Open XML, {@code .xlsx}, transitional or Strict) through Apache POI's XSSF.
 * Reads every sheet's cells, headers and footers, notes, shapes, defined names, properties and hidden
 * sheets, rows and columns; stamps the mark into every sheet's headers, the copy number into its footers,
 * a printed watermark picture and the metadata, and with {@code --block} the GB/T 9704 block into the
 * first sheet's first-page header (see {@link XlsxStamper}). Signed workbooks are refused, as for DOCX.
 */
public final class XlsxFormat implements DocumentFormat {

    static final OoxmlKind KIND = new OoxmlKind("XLSX", "Excel", "Excel 97-2003 .xls", "an Excel workbook part", Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.ms-excel.template.macroEnabled.main+xml"));

    @Override
    public String id() {
        return "xlsx";
    }

    @Override
    public List<String> extensions() {
        return List.of("xlsx");
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    /** A package whose content types name a workbook main part; a password-protected OOXML file may be one too. */
    @Override
    public Recognition recognise(ContentProbe content) {
        return OoxmlPackages.recognise(content, KIND, "xl/workbook.xml");
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        XSSFWorkbook wb = open(file, false);
        try {
            return XlsxReader.read(file, wb);
        } catch (RuntimeException e) {
            throw OoxmlPackages.unreadable(file, KIND, e);
        } finally {
            OoxmlPackages.discard(wb.getPackage());
        }
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        XSSFWorkbook wb = open(source, true);
        try {
            if (OoxmlPackages.signed(wb.getPackage())) {
                throw OoxmlPackages.signedRefusal(source);
            }
            XlsxStamper.stamp(source, wb, options);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            } catch (IOException e) {
                throw new DocumentException(target, Kind.UNREADABLE, "cannot write the stamped copy: " + e.getMessage(), e);
            }
        } catch (InvalidFormatException | RuntimeException e) {
            throw OoxmlPackages.unreadable(source, KIND, e);
        } finally {
            OoxmlPackages.discard(wb.getPackage());
        }
    }

    private static XSSFWorkbook open(Path file, boolean writable) throws DocumentException {
        OPCPackage pkg = OoxmlPackages.open(file, writable, KIND);
        try {
            return new XSSFWorkbook(pkg);
        } catch (IOException | RuntimeException e) {
            OoxmlPackages.discard(pkg);
            throw OoxmlPackages.unreadable(file, KIND, e);
        }
    }
}
