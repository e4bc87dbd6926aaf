package jp.tenken.plan.facts;

import java.time.LocalDate;

/**
 * The plan as a whole, with its fiscal calendar worked out once: {@code lastEndedFiscalYear} is
 * the latest fiscal year that had ended on {@code revisedOn} (results are due), and
 * {@code firstFutureFiscalYear} the first that had not yet begun (results would be premature).
 * {@code initiativeCount} is the number of rows and {@code departmentsNamed} whether at least one
 * of them names a department on its list row or its sheet (a list without a department column
 * names none). {@code fiscalYear} is the year the plan speaks from: the later of the fiscal year it
 * was revised in and the first of its period (a name already out of use then should not be in it).
 */
public record PlanFact(String id, int periodFrom, int periodTo, LocalDate revisedOn,
                       int lastEndedFiscalYear, int firstFutureFiscalYear,
                       boolean hasParentPeriod, Integer parentFrom, Integer parentTo,
                       int initiativeCount, boolean departmentsNamed, int fiscalYear) {
}
