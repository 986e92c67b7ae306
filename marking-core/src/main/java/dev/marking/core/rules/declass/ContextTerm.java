package dev.marking.core.rules.declass;

/**
 * A word that may follow a placeholder and says what it stands for ({@code 部队}, {@code 基地}, {@code 千牛}).
 *
 * @param text     the word
 * @param category what it names
 * @param weak     true when only a strong placeholder ({@code XX}, {@code ××}, {@code 某某}) in front of it
 *                 is a finding: {@code A区} is a building wing, {@code ××区} is a masked district
 */
public record ContextTerm(String text, Category category, boolean weak) {
}
