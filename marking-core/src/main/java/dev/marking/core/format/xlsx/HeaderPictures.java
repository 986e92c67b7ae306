package dev.marking.core.format.xlsx;

import dev.marking.core.format.ooxml.XmlFragments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFVMLDrawing;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlCursor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Header and footer pictures of a sheet: the shapes of its VML drawing ({@code legacyDrawingHF}), one per
 * section that shows {@code &G}, named by position ({@code CH} centre header, {@code LFFIRST} left footer of
 * the first page, {@code RHEVEN} …). Ours carry the title {@value #OURS} and the watermark line as their
 * alternative text, so a reader finds the text and a restamp finds the shape; their PNG is one part of
 * the package, shared by every sheet.
 */
final class HeaderPictures {

    static final String OURS = "marking.watermark";
    static final String V = "urn:schemas-microsoft-com:vml";
    static final String O = "urn:schemas-microsoft-com:office:office";
    private static final String PICTURE_TYPE = "_x0000_t75";
    private static final Pattern SPID = Pattern.compile("_x0000_s(\\d+)");
    private static final int FIRST_SPID = 1025;
    private static final String PNG = "image/png";

    private final OPCPackage pkg;
    private final Set<PackagePartName> released = new HashSet<>();
    private PackagePartName image;

    HeaderPictures(OPCPackage pkg) {
        this.pkg = pkg;
    }

    /** Our pictures on {@code page}: position → watermark line. */
    static Map<String, String> ours(SheetPage page) {
        Map<String, String> out = new LinkedHashMap<>();
        drawing(page).ifPresent(vml -> {
            for (Element shape : shapes(vml)) {
                if (isOurs(shape)) {
                    out.put(shape.getAttribute("id"), shape.getAttribute("alt"));
                }
            }
        });
        return out;
    }

    /** Removes our pictures from {@code page}'s drawing; returns their positions. */
    Set<String> removeOurs(SheetPage page) throws InvalidFormatException {
        Set<String> positions = new HashSet<>();
        Optional<XSSFVMLDrawing> drawing = drawing(page);
        if (drawing.isEmpty()) {
            return positions;
        }
        PackagePart vmlPart = drawing.get().getPackagePart();
        for (Element shape : shapes(drawing.get())) {
            if (!isOurs(shape)) {
                continue;
            }
            positions.add(shape.getAttribute("id"));
            for (Element data : children(shape, V, "imagedata")) {
                String rel = data.getAttributeNS(O, "relid");
                PackageRelationship r = rel.isEmpty() ? null : vmlPart.getRelationship(rel);
                if (r != null) {
                    released.add(PackagingURIHelper.createPartName(PackagingURIHelper.resolvePartUri(
                            vmlPart.getPartName().getURI(), r.getTargetURI())));
                    vmlPart.removeRelationship(rel);
                }
            }
            try (XmlCursor c = XmlBeans.nodeToCursor(shape)) {
                c.removeXml();
            }
        }
        return positions;
    }

    /** Adds our picture showing {@code text} at {@code position} of {@code page} (the PNG is made once per stamp). */
    void add(SheetPage page, String position, String text) throws InvalidFormatException {
        XSSFVMLDrawing vml = drawing(page).orElseGet(() -> create(page));
        if (image == null) {
            image = newImage(WatermarkPicture.png(text));
        }
        PackageRelationship rel = relationTo(vml.getPackagePart(), image);
        Element root = root(vml);
        boolean typed = children(root, V, "shapetype").stream().anyMatch(t -> PICTURE_TYPE.equals(t.getAttribute("id")));
        if (!typed) {
            insert(root, shapetype());
        }
        insert(root, shape(position, nextSpid(root), rel.getId(), text));
    }

    /** The drawing's relationship to our picture, added when it has none yet. */
    private static PackageRelationship relationTo(PackagePart vml, PackagePartName image) throws InvalidFormatException {
        for (PackageRelationship r : vml.getRelationshipsByType(PackageRelationshipTypes.IMAGE_PART)) {
            if (r.getTargetMode() == TargetMode.INTERNAL && image.getURI().equals(PackagingURIHelper.resolvePartUri(
                    vml.getPartName().getURI(), r.getTargetURI()))) {
                return r;
            }
        }
        return vml.addRelationship(image, TargetMode.INTERNAL, PackageRelationshipTypes.IMAGE_PART);
    }

    /** Copies the picture at {@code from} to position {@code to} of the same drawing; false when there is none. */
    boolean duplicate(SheetPage page, String from, String to) {
        Optional<XSSFVMLDrawing> drawing = drawing(page);
        if (drawing.isEmpty()) {
            return false;
        }
        Element root = root(drawing.get());
        for (Element shape : children(root, V, "shape")) {
            if (from.equals(shape.getAttribute("id"))) {
                int spid = nextSpid(root);
                try (XmlCursor src = XmlBeans.nodeToCursor(shape); XmlCursor dst = XmlBeans.nodeToCursor(root)) {
                    dst.toEndToken();
                    src.copyXml(dst);
                }
                List<Element> all = children(root, V, "shape");
                Element copy = all.get(all.size() - 1);
                copy.setAttribute("id", to);
                copy.setAttributeNS(O, "o:spid", "_x0000_s" + spid);
                return true;
            }
        }
        return false;
    }

    /** Deletes the pictures of removed shapes that nothing points at any more. */
    void finish() throws InvalidFormatException {
        for (PackagePartName name : released) {
            if ((pkg.getPart(name) != null) && !referenced(name)) {
                pkg.removePart(name);
            }
        }
    }

    private boolean referenced(PackagePartName name) throws InvalidFormatException {
        for (PackagePart p : pkg.getParts()) {
            if (p.isRelationshipPart()) {
                continue;
            }
            for (PackageRelationship r : p.getRelationships()) {
                if (r.getTargetMode() == TargetMode.INTERNAL && name.getURI().equals(PackagingURIHelper.resolvePartUri(
                        p.getPartName().getURI(), r.getTargetURI()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private PackagePartName newImage(byte[] png) throws InvalidFormatException {
        PackagePartName name;
        int n = 1;
        do {
            name = PackagingURIHelper.createPartName("/xl/media/marking-watermark" + n++ + ".png");
        } while ((pkg.getPart(name) != null));
        PackagePart part = pkg.createPart(name, PNG);
        try (var out = part.getOutputStream()) {
            out.write(png);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the watermark picture", e);
        }
        return name;
    }

    private static XSSFVMLDrawing create(SheetPage page) {
        int number = page.sheet().getNextPartNumber(XSSFRelation.VML_DRAWINGS, 1);
        POIXMLDocumentPart part = page.sheet().createRelationship(XSSFRelation.VML_DRAWINGS, XSSFFactory.getInstance(),
                number);
        page.setDrawingId(page.sheet().getRelationId(part));
        return (XSSFVMLDrawing) part;
    }

    private static Optional<XSSFVMLDrawing> drawing(SheetPage page) {
        return page.drawingId().map(id -> page.sheet().getRelationById(id))
                .filter(XSSFVMLDrawing.class::isInstance).map(XSSFVMLDrawing.class::cast);
    }

    private static Element root(XSSFVMLDrawing vml) {
        return (Element) vml.getDocument().getXml().getDomNode();
    }

    private static List<Element> shapes(XSSFVMLDrawing vml) {
        return children(root(vml), V, "shape");
    }

    private static boolean isOurs(Element shape) {
        return children(shape, V, "imagedata").stream().anyMatch(d -> OURS.equals(d.getAttributeNS(O, "title")));
    }

    private static List<Element> children(Node parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The next free shape id ({@code _x0000_s1026}) in this drawing. */
    private static int nextSpid(Element root) {
        int max = FIRST_SPID - 1;
        for (Element shape : children(root, V, "shape")) {
            Matcher m = SPID.matcher(shape.getAttributeNS(O, "spid"));
            if (m.matches() && m.group(1).length() < 9) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }

    private static void insert(Element root, String fragment) {
        try (XmlCursor dst = XmlBeans.nodeToCursor(root)) {
            dst.toEndToken();
            XmlFragments.insert(dst, fragment);
        }
    }

    /** Excel's picture frame shape type, which every header picture refers to. */
    private static String shapetype() {
        StringBuilder f = new StringBuilder();
        for (String eqn : List.of("if lineDrawn pixelLineWidth 0", "sum @0 1 0", "sum 0 0 @1", "prod @2 1 2",
                "prod @3 21600 pixelWidth", "prod @3 21600 pixelHeight", "sum @0 0 1", "prod @6 1 2",
                "prod @7 21600 pixelWidth", "sum @8 21600 0", "prod @7 21600 pixelHeight", "sum @10 21600 0")) {
            f.append("<v:f eqn=\"").append(eqn).append("\"/>");
        }
        return "<v:shapetype xmlns:v=\"" + V + "\" xmlns:o=\"" + O + "\" id=\"" + PICTURE_TYPE + "\""
                + " coordsize=\"21600,21600\" o:spt=\"75\" o:preferrelative=\"t\" path=\"m@4@5l@4@11@9@11@9@5xe\""
                + " filled=\"f\" stroked=\"f\"><v:stroke joinstyle=\"miter\"/><v:formulas>" + f + "</v:formulas>"
                + "<v:path o:extrusionok=\"f\" gradientshapeok=\"t\" o:connecttype=\"rect\"/>"
                + "<o:lock v:ext=\"edit\" aspectratio=\"t\"/></v:shapetype>";
    }

    private static String shape(String position, int spid, String relId, String text) {
        return "<v:shape xmlns:v=\"" + V + "\" xmlns:o=\"" + O + "\" id=\"" + position + "\" o:spid=\"_x0000_s" + spid
                + "\" type=\"#" + PICTURE_TYPE + "\" alt=\"" + XmlFragments.escape(text) + "\" style=\"position:absolute;"
                + "margin-left:0;margin-top:0;" + WatermarkPicture.SIZE + ";z-index:1\">"
                + "<v:imagedata o:relid=\"" + XmlFragments.escape(relId) + "\" o:title=\"" + OURS + "\"/>"
                + "<o:lock v:ext=\"edit\" rotation=\"t\"/></v:shape>";
    }
}
