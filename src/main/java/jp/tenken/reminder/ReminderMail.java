package jp.tenken.reminder;

import jp.tenken.text.JapaneseDates;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The Japanese text of one department's reminder mail to one officer. */
record ReminderMail(String subject, String body) {

    /**
     * The mail about the items of each stage (a stage without items is left out), the most urgent
     * stage first, each stage's items in due-date order.
     */
    static ReminderMail of(String recipientName, String department, LocalDate asOf, Map<ReminderStage, List<Reminder>> byStage) {
        StringJoiner counts = new StringJoiner("・");
        StringBuilder body = new StringBuilder();
        body.append(recipientName).append(" 様\n\n")
                .append(department).append("の改善策・是正措置のうち、期限が近いもの・期限を過ぎたものをお知らせします。\n")
                .append("(").append(JapaneseDates.date(asOf)).append(" 現在)\n");
        for (ReminderStage stage : ReminderStage.values()) {
            List<Reminder> items = byStage.getOrDefault(stage, List.of());
            if (items.isEmpty()) {
                continue;
            }
            counts.add(shortName(stage) + items.size() + "件");
            body.append("\n■").append(stage.heading()).append("(").append(items.size()).append("件)\n");
            for (Reminder item : items) {
                body.append("・").append(JapaneseDates.date(item.dueDate())).append(" 期限(").append(item.when()).append(") ")
                        .append(item.label()).append(item.action().isBlank() ? "" : ": " + item.action()).append('\n');
            }
        }
        body.append("\n対応を終えた是正措置は監査担当に完了日の記録を、改善策は自己点検の再提出をお願いします。\n")
                .append("このメールは点検システム(Tenken)が自動で送信しています。同じ項目は段階ごとに一度だけお知らせします。\n");
        String subject = "【点検】" + department + " 期限のお知らせ: " + counts + "(" + JapaneseDates.date(asOf) + ")";
        return new ReminderMail(subject, body.toString());
    }

    private static String shortName(ReminderStage stage) {
        return switch (stage) {
            case OVERDUE -> "期限超過";
            case DUE_IN_1 -> "1日以内";
            case DUE_IN_7 -> "7日以内";
        };
    }
}
