package dev.marking.core.format.legacy;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.ReadModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Excel 97–2003 workbooks ({@code .xls}, HSSF) and Kingsoft WPS Spreadsheets files ({@code .et}), the same binary. */
public final class XlsFormat extends OleFormat {

    /** BIFF8 ({@code Workbook}) and BIFF5 ({@code Book}) workbooks. */
    private static final Set<String> STREAMS = Set.of("Workbook", "Book", "WORKBOOK", "BOOK");

    /** Excel 97–2003, {@code .xls}. */
    public XlsFormat() {
        super("xls", "application/vnd.ms-excel", new Conversion("xls", "xlsx", "a legacy Excel file"), STREAMS);
    }

    private XlsFormat(String id, String mediaType, Conversion conversion) {
        super(id, mediaType, conversion, STREAMS);
    }

    /** Kingsoft WPS Spreadsheets, {@code .et}. */
    public static XlsFormat kingsoft() {
        return new XlsFormat("et", "application/wps-office.et", new Conversion("xls", "xlsx", "a WPS Spreadsheets file"));
    }

    @Override
    ReadModel read(Path file, POIFSFileSystem fs) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
            List<HiddenItem> objects = new ArrayList<>();
            OleFiles.embedded(fs, objects);
            return XlsReader.read(file, id(), workbook, objects);
        }
    }
}
