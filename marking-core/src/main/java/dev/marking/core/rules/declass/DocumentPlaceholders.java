package dev.marking.core.rules.declass;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import dev.marking.core.rules.declass.ContextWords.Kind;
import dev.marking.core.rules.declass.ContextWords.Signals;
import dev.marking.core.rules.declass.RealNameFinder.Block;
import dev.marking.core.text.ScriptFolding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders of one document, each judged for what it is for by the text around it: a court
 * judgment anonymises its parties lawfully, a form leaves blanks to fill in, a paragraph about a unit or a
 * weapon makes even a vague {@code 某地} a concealment. Shared by {@code declass.fake} and {@code declass.template}.
 */
final class DocumentPlaceholders {

    private static final String ARTICLE_ENDS = "条款项章节号";
    /** The kinds a whole document is judged by; the scan stops once it has seen one word of each. */
    private static final Set<Kind> DOCUMENT_KINDS = Set.of(Kind.JUDGMENT, Kind.TEMPLATE, Kind.CONTRACT);
    /**
     * How much of a document's opening shows what kind of document it is (a judgment names its court and
     * parties, a template or contract says so at the top); later paragraphs speak for themselves.
     */
    private static final int OPENING = 64 * 1024;
    /** A form field's label opens its line: 地址：, 法定代表人： (with room for leading spaces or a number). */
    private static final int LABEL_REACH = 12;
    private static final List<String> FIELD_LABELS = List.of("地址", "住址", "住所", "通讯地址", "地点", "电话", "联系电话",
            "手机", "邮编", "邮政编码", "姓名", "名称", "单位", "工作单位", "日期", "时间", "委托人", "法定代表人", "开户行",
            "开户银行", "账号", "帐号", "身份证号", "籍贯", "民族", "出生日期");

    /**
     * A placeholder and the block it was found in.
     *
     * @param block       the text block, with its width-folded text
     * @param placeholder the placeholder, with its judged use
     */
    record Found(Block block, Placeholder placeholder) {
    }

    private final List<Block> blocks;
    private final List<Block> nameSources;
    private final List<Found> found;
    private Map<Block, List<Placeholder>> byBlock;

    private DocumentPlaceholders(List<Block> blocks, List<Block> nameSources, List<Found> found) {
        this.blocks = blocks;
        this.nameSources = nameSources;
        this.found = found;
    }

    /** Scans and judges every placeholder of {@code model}: body, then each distinct header and footer text. */
    static DocumentPlaceholders of(ReadModel model, PlaceholderScanner scanner, DeclassLexicon lexicon) {
        List<Block> blocks = blocks(model);
        List<Block> sources = new ArrayList<>(blocks);
        for (HiddenItem h : model.hidden()) {
            if (h.text() != null && !h.text().isBlank()) {
                sources.add(block(new TextBlock(h.text(), h.location())));
            }
        }
        boolean markdown = isMarkdown(model);
        Signals doc = null;
        List<Found> out = new ArrayList<>();
        for (Block b : blocks) {
            Interruption.check();
            List<Placeholder> raw = scanner.scanFolded(b.folded(), markdown);
            if (raw.isEmpty()) {
                continue;
            }
            if (doc == null) { // once, and only for a document that has placeholders at all
                doc = lexicon.contextWords().scan(blocks.stream().map(Block::folded).toList(), DOCUMENT_KINDS, OPENING);
            }
            Paragraph para = new Paragraph(b.folded(), raw, lexicon);
            for (Placeholder p : raw) {
                PlaceholderUse use = judge(b.folded(), p, para, doc);
                if (use != null) {
                    out.add(new Found(b, p.withUse(use)));
                }
            }
        }
        return new DocumentPlaceholders(blocks, sources, out);
    }

    /** The placeholders found in {@code b} (a block of this document), in order, or null when it has none. */
    List<Placeholder> placeholdersIn(Block b) {
        if (byBlock == null) {
            Map<Block, List<Placeholder>> m = new IdentityHashMap<>();
            found.forEach(f -> m.computeIfAbsent(f.block(), k -> new ArrayList<>()).add(f.placeholder()));
            byBlock = m;
        }
        return byBlock.get(b);
    }

    /** Where the character at {@code offset} of {@code b} is: a block that starts inside a line carries its column. */
    static Location at(TextBlock b, int offset) {
        Location l = b.location();
        return l.withColumn(l.column() > 0 ? l.column() + offset : offset + 1);
    }

    List<Found> found() {
        return found;
    }

    /** Every block a real name may be written in: the scanned text and the document's hidden content. */
    List<Block> nameSources() {
        return nameSources;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** What {@code p} is for in its paragraph and document, or null when it is no placeholder there at all. */
    static PlaceholderUse judge(String f, Placeholder p, Paragraph para, Signals doc) {
        if (vague(p)) {
            return para.secret() ? PlaceholderUse.CONCEALMENT : null; // 某地
        }
        if (p.use() != PlaceholderUse.CONCEALMENT) {
            return p.use();
        }
        if (!p.secretBearing() && (doc.count(Kind.JUDGMENT) > 0 || para.kinds().count(Kind.JUDGMENT) > 0)) {
            return PlaceholderUse.DE_IDENTIFICATION; // a judgment's parties, companies, hospitals, villages, dates
        }
        if (p.kind().blank() && (article(f, p) || party(f, p) || instructed(f, p) || field(f, p))) {
            return PlaceholderUse.TEMPLATE;
        }
        if (p.kind().blank() && p.context() != null && p.context().commercial() && !para.secret()) {
            return PlaceholderUse.TEMPLATE; // ××公司, ****公司: a company left to fill in, in a paragraph about nothing secret
        }
        boolean filled = p.kind().blank() || p.kind() == PlaceholderKind.LETTER; // 申请人：A, A国 in a contract
        if (!filled || p.secretBearing()) {
            return PlaceholderUse.CONCEALMENT;
        }
        boolean form = doc.count(Kind.TEMPLATE) > 0 || doc.count(Kind.CONTRACT) > 0
                || p.kind().blank() && (para.kinds().count(Kind.TEMPLATE) > 0 || para.kinds().count(Kind.CONTRACT) > 0);
        if (form && !para.secretWords()) {
            return PlaceholderUse.TEMPLATE;
        }
        return PlaceholderUse.CONCEALMENT;
    }

    /** What a paragraph says about secret matters; the costlier part is worked out only when a use depends on it. */
    static final class Paragraph {
        private final String text;
        private final List<Placeholder> placeholders;
        private final DeclassLexicon lexicon;
        private Signals kinds;
        private Boolean secret;

        Paragraph(String text, List<Placeholder> placeholders, DeclassLexicon lexicon) {
            this.text = text;
            this.placeholders = placeholders;
            this.lexicon = lexicon;
        }

        /** The words of {@code contexts.txt} in the paragraph. */
        Signals kinds() {
            if (kinds == null) {
                kinds = lexicon.contextWords().scan(text);
            }
            return kinds;
        }

        /** True when the paragraph has a secrecy word of {@code contexts.txt} (涉密, 部队, 导弹 …). */
        boolean secretWords() {
            return kinds().count(Kind.SECRECY) > 0;
        }

        /** True when it has a secrecy word, a placeholder for a unit or weapon, or names one (无人机, 部队). */
        boolean secret() {
            if (secret == null) {
                secret = secretWords() || placeholders.stream()
                        .anyMatch(p -> p.use() == PlaceholderUse.CONCEALMENT && p.secretBearing())
                        || lexicon.mentionsSecretMatter(text);
            }
            return secret;
        }
    }

    /** 某地, 某区域, 某方向: a place too vague to count unless the paragraph is about a secret matter. */
    private static boolean vague(Placeholder p) {
        return p.kind() == PlaceholderKind.MOU && p.context() != null && p.context().weak();
    }

    /** 第XX条, ×字第×号: the number of an article or a document left open. */
    private static boolean article(String f, Placeholder p) {
        int s = p.start();
        int e = p.end();
        while (e < f.length() && e - p.end() < 2 && !PlaceholderScanner.isHan(f.charAt(e))) {
            e++;
        }
        return s > 0 && f.charAt(s - 1) == '第' && e < f.length() && ARTICLE_ENDS.indexOf(f.charAt(e)) >= 0;
    }

    /** ×方: a party of a contract left open, as 甲方 and 乙方 name them. */
    private static boolean party(String f, Placeholder p) {
        return p.end() < f.length() && f.charAt(p.end()) == '方' && p.end() - p.start() <= 2;
    }

    /** ××（单位）, ×××（印刷体）: a blank followed by what to write in it. */
    private static boolean instructed(String f, Placeholder p) {
        int e = p.end();
        if (e >= f.length() || f.charAt(e) != '(' && f.charAt(e) != '（') {
            return false;
        }
        for (int k = e + 1; k < f.length() && k <= e + 8; k++) {
            if (f.charAt(k) == ')' || f.charAt(k) == '）') {
                return k > e + 1;
            }
            if (!PlaceholderScanner.isHan(f.charAt(k))) {
                return false;
            }
        }
        return false;
    }

    /** 地址：××省××市××路××号: the value of a form field. */
    private static boolean field(String f, Placeholder p) {
        int colon = -1;
        for (int k = 0; k < p.start() && k <= LABEL_REACH; k++) {
            char c = f.charAt(k);
            if (c == ':' || c == '：') {
                colon = k;
                break;
            }
        }
        if (colon < 0) {
            return false;
        }
        String label = f.substring(0, colon).strip();
        for (String l : FIELD_LABELS) {
            if (label.endsWith(l) && label.length() <= l.length() + 4) {
                return true;
            }
        }
        return false;
    }

    /** Body text, then header and footer text (each distinct running text once: it repeats on every page). */
    private static List<Block> blocks(ReadModel model) {
        List<Block> out = new ArrayList<>();
        model.body().forEach(b -> out.add(block(b)));
        Set<String> seen = new HashSet<>();
        for (RunningSlot slot : model.slots()) {
            for (List<TextBlock> part : List.of(slot.header(), slot.footer())) {
                for (TextBlock b : part) {
                    if (seen.add(b.text())) {
                        out.add(block(b));
                    }
                }
            }
        }
        return out;
    }

    /** In Markdown source, {@code **word**} is emphasis, never a masked name. */
    private static boolean isMarkdown(ReadModel model) {
        String name = model.path().getFileName() == null ? "" : model.path().getFileName().toString();
        return "markdown".equals(model.format()) || name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** A block with the text the scanner matches on: script- and width-folded, X look-alikes folded (DESIGN §1.9). */
    private static Block block(TextBlock b) {
        return new Block(b, PlaceholderScanner.fold(ScriptFolding.fold(b.text())));
    }
}
