package dev.marking.core.format.xlsx;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ooxml.OoxmlFiles;
import dev.marking.core.format.ooxml.OoxmlKind;
import dev.marking.core.format.ooxml.OoxmlPackages;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
        return OoxmlFiles.read(file, KIND, XSSFWorkbook::new, wb -> XlsxReader.read(file, wb));
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        OoxmlFiles.stamp(source, target, KIND, XSSFWorkbook::new, wb -> XlsxStamper.stamp(source, wb, options));
    }
}
