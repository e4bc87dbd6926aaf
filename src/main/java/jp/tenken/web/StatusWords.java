package jp.tenken.web;

import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;
import jp.tenken.inspection.InspectionStatus;

/** A status as the pages write it: its Japanese word (適合・要改善・不適合), never its colour alone. */
public final class StatusWords {

    private StatusWords() {
    }

    public static String of(InspectionStatus status) {
        return Texts.get(Language.JA, "status." + status.name());
    }

    public static String of(String status) {
        return Texts.get(Language.JA, "status." + status);
    }

    /** A finding's or rule's severity as the pages write it: エラー・警告・情報. */
    public static String severity(jp.tenken.engine.Severity severity) {
        return switch (severity) {
            case ERROR -> "エラー";
            case WARNING -> "警告";
            case INFO -> "情報";
        };
    }
}
