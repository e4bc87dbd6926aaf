package jp.tenken.audit.facts;

import java.time.LocalDate;

/** The date "overdue" is judged on: today unless a request says otherwise. */
public record AsOf(LocalDate date) {
}
