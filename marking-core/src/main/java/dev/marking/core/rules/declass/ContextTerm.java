package dev.marking.core.rules.declass;

/**
 * A word that may follow a placeholder and says what it stands for ({@code 部队}, {@code 基地}, {@code 千牛}).
 *
 * @param text      the word
 * @param category  what it names
 * @param weak      true when only a strong placeholder ({@code XX}, {@code ××}, {@code 某某}) in front of it
 *                  is a finding: {@code A区} is a building wing, {@code ××区} is a masked district
 * @param commonAfterMou true when a single {@code 某} in front of it is ordinary prose ({@code 某市一男子})
 * @param sensitive true for organisations whose names are secrets wherever they stand (research institutes,
 *                  arms factories, stores): a court judgment or a template does not make them harmless
 * @param commercial true for companies and banks: a generic blank in front of one ({@code ××公司}) is a form's
 *                  fill-in unless the paragraph is about a secret matter
 */
public record ContextTerm(String text, Category category, boolean weak, boolean commonAfterMou, boolean sensitive,
        boolean commercial) {

    /**
     * A term from a lexicon line: {@code ~} marks it weak, {@code !} common after 某, {@code ^} sensitive,
     * {@code =} commercial (in any order).
     */
    static ContextTerm parse(String line, Category category) {
        String t = line.strip();
        boolean weak = false;
        boolean common = false;
        boolean sensitive = false;
        boolean commercial = false;
        while (!t.isEmpty() && "~!^=".indexOf(t.charAt(0)) >= 0) {
            weak |= t.charAt(0) == '~';
            common |= t.charAt(0) == '!';
            sensitive |= t.charAt(0) == '^';
            commercial |= t.charAt(0) == '=';
            t = t.substring(1);
        }
        return new ContextTerm(t, category, weak, common, sensitive, commercial);
    }

    /**
     * True when a placeholder in front of this term hides something secret by its nature — a military unit or
     * site, equipment, a project, a codename or a sensitive organisation — rather than a person, a civil
     * organisation, a place or a figure, which courts and forms mask lawfully.
     */
    boolean secretBearing() {
        return switch (category) {
            case MILITARY, SECRET, CODE -> true;
            case EQUIPMENT, PROJECT -> !weak; // ××系统, ××计划 may be any system or plan
            case ORGANISATION -> sensitive;
            default -> false;
        };
    }
}
