package dev.marking.core.rules.declass;

/**
 * A word that may follow a placeholder and says what it stands for ({@code 部队}, {@code 基地}, {@code 千牛}).
 *
 * @param text     the word
 * @param category what it names
 * @param weak     true when only a strong placeholder ({@code XX}, {@code ××}, {@code 某某}) in front of it
 *                 is a finding: {@code A区} is a building wing, {@code ××区} is a masked district
 * @param commonAfterMou true when a single {@code 某} in front of it is ordinary prose ({@code 某市一男子})
 */
public record ContextTerm(String text, Category category, boolean weak, boolean commonAfterMou) {

    /** A term from a lexicon line: {@code ~} marks it weak, {@code !} common after 某 (in either order). */
    static ContextTerm parse(String line, Category category) {
        String t = line.strip();
        boolean weak = false;
        boolean common = false;
        while (t.startsWith("~") || t.startsWith("!")) {
            weak |= t.charAt(0) == '~';
            common |= t.charAt(0) == '!';
            t = t.substring(1);
        }
        return new ContextTerm(t, category, weak, common);
    }
}
