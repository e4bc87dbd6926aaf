package jp.tenken.audit;

import jp.tenken.api.FindingView;

import java.time.LocalDate;
import java.util.List;

/** How far the audit programme reaches in a fiscal year (CONTRACT §5, GET /api/v1/audits/coverage). */
public record CoverageReport(String organization, int fiscalYear, int rotationYears, LocalDate asOf,
                             int auditedCount, int previousYearCount, List<String> audited,
                             List<String> notAuditedWithinCycle, List<FindingView> findings) {
}
