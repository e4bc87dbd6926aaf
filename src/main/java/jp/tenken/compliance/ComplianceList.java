package jp.tenken.compliance;

import java.time.LocalDate;
import java.util.List;

/** The compliance list of an organization for a fiscal year, judged as of a date. */
public record ComplianceList(String organization, int fiscalYear, LocalDate asOf, List<UnitCompliance> units) {
}
