package dev.marking.core.rules.seal;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.Seals;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.rules.SealSettings;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Seals (DESIGN §1.10): a signature that does not verify, a change after the signed revision, or a signed marking
 * that differs from the visible one is {@code seal.broken}, saying what changed; a signer outside the policy's
 * trust list is {@code seal.untrusted}; an unsigned document at or above {@code seal.required} is
 * {@code seal.missing}. Signatures made earlier by others are reported, never refused.
 */
public final class SealRule implements Rule {

    public static final RuleDescriptor BROKEN = new RuleDescriptor("seal.broken", Severity.ERROR,
            "A signature does not verify, or the marking, text, pages or metadata changed after the signed revision.");
    public static final RuleDescriptor UNTRUSTED = new RuleDescriptor("seal.untrusted", Severity.ERROR,
            "The document is signed by a key outside the policy's trust list (seal.trust).");
    public static final RuleDescriptor MISSING = new RuleDescriptor("seal.missing", Severity.ERROR,
            "The policy requires a seal at this level (seal.required) and the document is not signed.");

    private final MarkingParser parser;
    private final SealSettings settings;

    public SealRule(MarkingParser parser, SealSettings settings) {
        this.parser = parser;
        this.settings = settings;
    }

    @Override
    public RuleDescriptor descriptor() {
        return BROKEN;
    }

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(BROKEN, UNTRUSTED, MISSING);
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Seals seals = context.seals();
        Optional<Marking> visible = context.evidence().resolved();
        if (seals.unsigned()) {
            return missing(context, visible);
        }
        List<Finding> out = new ArrayList<>();
        for (Seals.Signature s : seals.signatures()) {
            if (!s.intact()) {
                String why = Seals.CONTENT_CHANGED.equals(s.problem())
                        ? context.messages().format("seal.change.content") : s.problem();
                out.add(context.finding(BROKEN, Location.FILE, s.signerName(), "seal.invalid", s.signerName(),
                        why + marked(context, s, visible)));
            }
        }
        Seals.Signature newest = seals.newest().orElseThrow();
        if (newest.intact() && !newest.coversAll()) {
            List<String> changes = seals.signedRevision()
                    .map(signed -> changes(context, signed, context.model()))
                    .orElse(List.of());
            out.add(context.finding(BROKEN, Location.FILE, newest.signerName(), "seal.changed", newest.signerName(),
                    changes.isEmpty() ? context.messages().format("seal.change.unknown") : context.list(changes)));
        } else if (newest.intact()) {
            differs(newest.signedMark(), visible).ifPresent(signedMark -> out.add(context.finding(BROKEN,
                    Location.FILE, signedMark, "seal.mark-differs", signedMark,
                    visible.map(SealRule::sealed).orElse("-"))));
        }
        if (!settings.trust().isEmpty()) {
            Set<String> reported = new LinkedHashSet<>();
            for (Seals.Signature s : seals.signatures()) {
                // a signature that does not verify names no signer worth judging: it is reported broken above
                if (s.signer().isPresent() && !trusted(s) && reported.add(s.signerName())) {
                    out.add(context.finding(UNTRUSTED, Location.FILE, s.signerName(), "seal.untrusted",
                            s.signerName()));
                }
            }
        }
        return out;
    }

    private List<Finding> missing(RuleContext context, Optional<Marking> visible) {
        if (settings.required().isEmpty() || visible.isEmpty()) {
            return List.of();
        }
        Marking m = visible.get();
        if (!m.level().classified() || !m.level().scheme().equals(settings.required().get().scheme())
                || !m.level().atLeast(settings.required().get())) {
            return List.of();
        }
        return List.of(context.finding(MISSING, Location.FILE, m.mark(), "seal.missing", m.mark(),
                settings.required().get().name()));
    }

    /** The mark and copy a seal names for {@code m}: {@code 机密★5年 第000123份}. */
    private static String sealed(Marking m) {
        return m.mark() + m.copy().map(c -> " 第" + c.formatted() + "份").orElse("");
    }

    /** The signed marking when it names a mark other than the visible one. */
    private Optional<String> differs(String signedMark, Optional<Marking> visible) {
        if (signedMark == null || signedMark.isBlank()) {
            return Optional.empty();
        }
        Optional<ParsedMark> signed = parser.find(signedMark);
        if (signed.isEmpty() || signed.get().marking().isEmpty()) {
            return Optional.empty();
        }
        if (visible.isEmpty()) {
            return Optional.of(signedMark);
        }
        return sealed(visible.get()).equals(signedMark.strip()) ? Optional.empty() : Optional.of(signedMark);
    }

    /** For a detached or package signature that broke: the marking it sealed when the visible one differs. */
    private String marked(RuleContext context, Seals.Signature s, Optional<Marking> visible) {
        return differs(s.signedMark(), visible).map(signed -> "; " + context.messages().format("seal.change.mark",
                signed, visible.map(SealRule::sealed).orElse("-"))).orElse("");
    }

    /** True when the signer's certificate, or one that issued it, is in the trust list. */
    private boolean trusted(Seals.Signature s) {
        Optional<X509Certificate> signer = s.signer();
        if (signer.isEmpty()) {
            return false;
        }
        for (X509Certificate t : settings.trust()) {
            if (t.equals(signer.get())) {
                return true;
            }
            if (t.getSubjectX500Principal().equals(signer.get().getIssuerX500Principal())) {
                try {
                    signer.get().verify(t.getPublicKey());
                    return true;
                } catch (GeneralSecurityException | RuntimeException e) {
                    continue;
                }
            }
        }
        return false;
    }

    /** What differs between the signed revision and the file as it is, one line each. */
    private List<String> changes(RuleContext context, ReadModel signed, ReadModel now) {
        List<String> out = new ArrayList<>();
        MarkingEvidence before = MarkingEvidence.of(signed, parser);
        MarkingEvidence after = context.evidence();
        List<String> marksBefore = marks(before);
        List<String> marksAfter = marks(after);
        if (!marksBefore.equals(marksAfter)) {
            Set<String> gone = new TreeSet<>(marksBefore);
            gone.removeAll(marksAfter);
            Set<String> added = new TreeSet<>(marksAfter);
            added.removeAll(marksBefore);
            out.add(context.messages().format("seal.change.mark", String.join(" ", gone.isEmpty() ? marksBefore : gone),
                    String.join(" ", added.isEmpty() ? List.of("-") : added)));
        }
        int pagesBefore = units(signed);
        int pagesAfter = units(now);
        if (pagesAfter > pagesBefore) {
            out.add(context.messages().format("seal.change.pages-added", pagesAfter - pagesBefore, pagesBefore));
        } else if (pagesAfter < pagesBefore) {
            out.add(context.messages().format("seal.change.pages-removed", pagesBefore - pagesAfter, pagesBefore));
        }
        List<Integer> watermarkGone = new ArrayList<>();
        Map<Integer, List<String>> wBefore = watermarks(signed);
        Map<Integer, List<String>> wAfter = watermarks(now);
        for (Map.Entry<Integer, List<String>> e : wBefore.entrySet()) {
            if (!e.getValue().isEmpty() && wAfter.getOrDefault(e.getKey(), List.of()).isEmpty()) {
                watermarkGone.add(e.getKey());
            }
        }
        if (!watermarkGone.isEmpty()) {
            out.add(context.messages().format("seal.change.watermark", context.list(
                    watermarkGone.stream().map(String::valueOf).toList())));
        }
        List<Integer> edited = new ArrayList<>();
        Map<Integer, String> tBefore = text(signed);
        Map<Integer, String> tAfter = text(now);
        for (Map.Entry<Integer, String> e : tBefore.entrySet()) {
            if (tAfter.containsKey(e.getKey()) && !Objects.equals(tAfter.get(e.getKey()), e.getValue())) {
                edited.add(e.getKey());
            }
        }
        if (!edited.isEmpty()) {
            out.add(context.messages().format("seal.change.text", context.list(
                    edited.stream().map(String::valueOf).toList())));
        }
        Set<String> keys = new TreeSet<>(signed.properties().keySet());
        keys.addAll(now.properties().keySet());
        keys.removeIf(k -> Objects.equals(signed.properties().get(k), now.properties().get(k)) || volatileKey(k));
        if (!keys.isEmpty()) {
            out.add(context.messages().format("seal.change.metadata", context.list(List.copyOf(keys))));
        }
        return out;
    }

    /** Keys every save rewrites (a producer's clock), which say nothing about the content. */
    private static boolean volatileKey(String key) {
        return key.equals("ModDate") || key.equals("Producer") || key.startsWith("xmp:");
    }

    private static List<String> marks(MarkingEvidence e) {
        List<String> out = new ArrayList<>();
        e.visible().forEach(f -> out.add(f.mark().raw()));
        e.metadata().ifPresent(f -> out.add(f.mark().raw()));
        return List.copyOf(new TreeSet<>(out));
    }

    private static int units(ReadModel m) {
        int max = 0;
        for (RunningSlot s : m.slots()) {
            max = Math.max(max, s.unit());
        }
        for (TextBlock b : m.body()) {
            max = Math.max(max, Math.max(b.location().page(), b.location().section()));
        }
        return max;
    }

    private static Map<Integer, List<String>> watermarks(ReadModel m) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (RunningSlot s : m.slots()) {
            out.computeIfAbsent(s.unit(), k -> new ArrayList<>()).addAll(s.watermarks());
        }
        return out;
    }

    private static Map<Integer, String> text(ReadModel m) {
        Map<Integer, String> out = new TreeMap<>();
        for (TextBlock b : m.body()) {
            int unit = Math.max(b.location().page(), b.location().section());
            out.merge(unit, b.text(), (a, c) -> a + "\n" + c);
        }
        return out;
    }
}
