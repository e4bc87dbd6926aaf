package jp.tenken.compliance;

import jp.tenken.api.FindingView;
import jp.tenken.audit.AuditFinding;
import jp.tenken.audit.AuditRecord;
import jp.tenken.audit.AuditStanding;
import jp.tenken.audit.Auditor;
import jp.tenken.audit.CorrectiveAction;
import jp.tenken.audit.StoredAudit;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import jp.tenken.inspection.InspectionStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writing the compliance list of 300 departments as xlsx and PDF, in this JVM, without HTTP or a
 * database: what the file itself costs (docs/performance.md, *Exports*). Not in the suite (the name
 * does not end in Test); run it alone with
 * {@code mvn -q test -Dtest=ComplianceExportTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ComplianceExportTiming {

    @Test
    void writeThreeHundredDepartments() {
        List<UnitCompliance> units = new ArrayList<>();
        List<AuditStanding.OpenAction> actions = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            String department = String.format("部署%03d課", i);
            boolean submitted = i % 10 != 0;
            InspectionStatus status = !submitted ? InspectionStatus.NON_COMPLIANT
                    : i % 7 == 0 ? InspectionStatus.NEEDS_IMPROVEMENT : InspectionStatus.COMPLIANT;
            List<FindingView> findings = submitted ? List.of()
                    : List.of(new FindingView("SI-NOT-SUBMITTED", Severity.ERROR, department + ": 2025年度の自己点検が提出されていません",
                    Target.department(department)));
            units.add(new UnitCompliance(department, status, new UnitCompliance.SelfInspection(submitted,
                    submitted ? "id-" + i : null, submitted ? 0L : null, submitted ? 1L : null), 2024, i % 3, findings));
            if (i % 3 != 0) {
                AuditRecord record = new AuditRecord("bench-city", department, 2024, LocalDate.of(2024, 11, 20),
                        List.of(new Auditor("監査員A", "部署001課")),
                        List.of(new AuditFinding("F1", "PHY-02", ItemSeverity.MEDIUM, "窓口後方の申請書が施錠保管されていない",
                                new CorrectiveAction("施錠キャビネットを導入", LocalDate.of(2025, 3, 31), null))));
                StoredAudit audit = new StoredAudit("audit-" + i, OffsetDateTime.now(), "auditor", record);
                actions.add(new AuditStanding.OpenAction(audit, record.findings().get(0)));
            }
        }
        ComplianceList list = new ComplianceList("bench-city", 2025, LocalDate.of(2025, 12, 1), units);
        for (String format : List.of("xlsx", "pdf")) {
            double[] millis = new double[30];
            double[] cpu = new double[30];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            int size = 0;
            for (int i = 0; i < 40; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                byte[] file = format.equals("xlsx") ? ComplianceXlsx.write(list, actions, "ベンチ市")
                        : CompliancePdf.write(list, actions, "ベンチ市");
                size = file.length;
                if (i >= 10) {
                    millis[i - 10] = (System.nanoTime() - t0) / 1e6;
                    cpu[i - 10] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            Arrays.sort(millis);
            Arrays.sort(cpu);
            // CPU time of the writing thread: what the file costs, less dependent on the machine's load than the wall time.
            System.out.printf(Locale.ROOT, "%s of 300 departments (%,d bytes): wall p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                            + " CPU p50 %.1f ms, p95 %.1f ms; load %s%n",
                    format, size, millis[14], millis[28], millis[29], cpu[14], cpu[28],
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
