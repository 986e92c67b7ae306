package dev.marking.core.model;

/**
 * A mark written as form fields ({@code 密级：机密} / {@code 保密期限：5年}) over one or more lines.
 *
 * @param mark      the mark; its offsets are in line {@code firstLine}, its raw text joins the lines as written
 * @param firstLine index of the line with the 密级 label
 * @param lastLine  index of the last line the mark's fields are on
 */
public record LabelledMark(ParsedMark mark, int firstLine, int lastLine) {

    /** True when the form says more than the level: a term, a declassification date or a 定密日期. */
    public boolean hasMoreThanLevel() {
        return !mark.termUnstated() || mark.marking().flatMap(Marking::issued).isPresent();
    }
}
