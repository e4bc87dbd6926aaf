package jp.tenken.text;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/**
 * Dates as Japanese offices write them: the era year beside the Gregorian one
 * (令和7年度 (2025), 令和7年10月15日 (2025-10-15)). The era comes from the JDK's Japanese calendar.
 */
public final class JapaneseDates {

    private JapaneseDates() {
    }

    /**
     * A fiscal year (April to March) by its era: FY2019 began in 平成31年 April, yet offices call it
     * 令和元年度, so the era is the one in force on 1 May, after that year's change of era.
     */
    public static String fiscalYear(int fiscalYear) {
        return eraYear(JapaneseDate.from(LocalDate.of(fiscalYear, 5, 1))) + "度 (" + fiscalYear + ")";
    }

    /** A day: 令和7年10月15日 (2025-10-15); empty for none. */
    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return eraYear(JapaneseDate.from(date)) + date.getMonthValue() + "月" + date.getDayOfMonth() + "日 (" + date + ")";
    }

    /** A moment in Japan's time: 令和7年10月15日 (2025-10-15) 14:05. */
    public static String dateTime(java.time.LocalDateTime moment) {
        return date(moment.toLocalDate()) + " " + String.format("%02d:%02d", moment.getHour(), moment.getMinute());
    }

    /** Japan's time zone: the day of a municipality's records, whatever the server's zone. */
    public static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

    /**
     * Today in Japan. A server on UTC would otherwise call a date of today "in the future" from
     * 00:00 to 09:00 in Japan, and an audit dated today was refused as future until 09:00.
     */
    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    /** The fiscal year a day falls in: it begins on 1 April. */
    public static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    private static String eraYear(JapaneseDate date) {
        JapaneseEra era = date.getEra();
        int year = date.get(ChronoField.YEAR_OF_ERA);
        return eraName(era) + (year == 1 ? "元" : String.valueOf(year)) + "年";
    }

    private static String eraName(JapaneseEra era) {
        // JapaneseEra's display name in Locale.JAPANESE depends on the JDK's locale data; the four modern eras are fixed.
        if (era == JapaneseEra.REIWA) {
            return "令和";
        }
        if (era == JapaneseEra.HEISEI) {
            return "平成";
        }
        if (era == JapaneseEra.SHOWA) {
            return "昭和";
        }
        return era.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.JAPANESE);
    }
}
