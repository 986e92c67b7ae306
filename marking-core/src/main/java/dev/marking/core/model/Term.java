package dev.marking.core.model;

import dev.marking.core.text.ChineseNumerals;
import java.time.LocalDate;
import java.util.Optional;

/** 保密期限: how long a marking holds. {@link #canonical()} is the text written after ★. */
public sealed interface Term {

    /** The canonical text written after ★ ({@code 5年}, {@code 6个月}, {@code 2030年12月31日}, …). */
    String canonical();

    /** The date the term ends for a document issued on {@code start}; empty when not computable. */
    Optional<LocalDate> endsOn(LocalDate start);

    /** The term measured in months, for comparison with a level's maximum; empty when not applicable. */
    Optional<Integer> inMonths();

    /** N years. */
    record Years(int years) implements Term {
        @Override
        public String canonical() {
            return years + "年";
        }

        @Override
        public Optional<LocalDate> endsOn(LocalDate start) {
            return Optional.of(start.plusYears(years));
        }

        @Override
        public Optional<Integer> inMonths() {
            return Optional.of(years * 12);
        }
    }

    /** N months. */
    record Months(int months) implements Term {
        @Override
        public String canonical() {
            return months + "个月";
        }

        @Override
        public Optional<LocalDate> endsOn(LocalDate start) {
            return Optional.of(start.plusMonths(months));
        }

        @Override
        public Optional<Integer> inMonths() {
            return Optional.of(months);
        }
    }

    /** Declassified on a fixed date (解密时间). */
    record Until(LocalDate date) implements Term {
        @Override
        public String canonical() {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }

        @Override
        public Optional<LocalDate> endsOn(LocalDate start) {
            return Optional.of(date);
        }

        @Override
        public Optional<Integer> inMonths() {
            return Optional.empty();
        }
    }

    /** 长期: only 绝密, and only where policy allows. */
    record LongTerm() implements Term {
        @Override
        public String canonical() {
            return "长期";
        }

        @Override
        public Optional<LocalDate> endsOn(LocalDate start) {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> inMonths() {
            return Optional.empty();
        }
    }

    /** 解密条件: a condition in words. */
    record Condition(String text) implements Term {

        /**
         * True when {@code text} can be a condition in words: it starts with a Chinese character and is
         * not a bare numeral. Signs, digits and numbers without a unit ({@code -1}, {@code +5},
         * {@code 99999999999999999999}, {@code 五}) are impossible terms, never conditions.
         */
        public static boolean plausible(String text) {
            String t = text.strip();
            if (t.isEmpty() || ChineseNumerals.isNumeral(t)) {
                return false;
            }
            return Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN;
        }

        @Override
        public String canonical() {
            return text;
        }

        @Override
        public Optional<LocalDate> endsOn(LocalDate start) {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> inMonths() {
            return Optional.empty();
        }
    }

    /** Term not stated: the law's maximum for the level applies. */
    record Unstated() implements Term {
        @Override
        public String canonical() {
            return "";
        }

        @Override
        public Optional<LocalDate> endsOn(LocalDate start) {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> inMonths() {
            return Optional.empty();
        }
    }
}
