package dev.marking.core.format.pptx;

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
import org.apache.poi.xslf.usermodel.XMLSlideShow;

/**
 * PowerPoint presentations (Office Open XML, {@code .pptx}, transitional or Strict) through Apache POI's
 * XSLF. Reads every slide with what its layout and master add, speaker notes, comments, hidden slides and
 * properties; stamps the running mark, the copy number and a diagonal watermark on every slide (through
 * the masters, see {@link PptxStamper}), the GB/T 9704 block on the first slide, and the metadata.
 * Signed presentations are refused, as for DOCX.
 */
public final class PptxFormat implements DocumentFormat {

    static final OoxmlKind KIND = new OoxmlKind("PPTX", "PowerPoint", "PowerPoint 97-2003 .ppt", "a PowerPoint presentation"
            + " part", Set.of(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
            "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
            "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
            "application/vnd.ms-powerpoint.template.macroEnabled.main+xml"));

    @Override
    public String id() {
        return "pptx";
    }

    @Override
    public List<String> extensions() {
        return List.of("pptx");
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }

    /** A package whose content types name a presentation main part; a password-protected OOXML file may be one too. */
    @Override
    public Recognition recognise(ContentProbe content) {
        return OoxmlPackages.recognise(content, KIND, "ppt/presentation.xml");
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        return OoxmlFiles.read(file, KIND, XMLSlideShow::new, ppt -> PptxReader.read(file, ppt));
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        OoxmlFiles.stamp(source, target, KIND, XMLSlideShow::new, ppt -> PptxStamper.stamp(ppt, options));
    }
}
