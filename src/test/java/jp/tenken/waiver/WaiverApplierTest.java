package jp.tenken.waiver;

import jp.tenken.engine.Finding;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a waiver matches a finding read with its record (CONTRACT §12), without a database. */
class WaiverApplierTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 1);

    private static Waiver waiver(String id, String ruleId, Map<String, Object> target, LocalDate expiresOn, boolean revoked) {
        return new Waiver(id, "city", ruleId, target, "理由 " + id, expiresOn, "auditor", OffsetDateTime.now(),
                revoked ? "admin" : null, revoked ? OffsetDateTime.now() : null);
    }

    private static WaiverApplier over(Waiver... waivers) {
        List<Waiver> all = List.of(waivers);
        return new WaiverApplier(new WaiverStore() {
            public Waiver create(Waiver.New waiver, String actor) {
                throw new UnsupportedOperationException();
            }

            public Optional<Waiver> find(String id) {
                return all.stream().filter(w -> w.id().equals(id)).findFirst();
            }

            public List<Waiver> list(String organization) {
                return all.stream().filter(w -> w.organization().equals(organization)).toList();
            }

            public RevocationOutcome revoke(String id, String actor) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private static final Finding REMEDIATION = Finding.of("SI-REMEDIATION-MISSING", Severity.ERROR,
            Target.item("PHY-02").withField("remediation"), Map.of());
    private static final Finding EVIDENCE = Finding.of("SI-EVIDENCE-MISSING", Severity.WARNING,
            Target.item("PHY-02").withField("evidence"), Map.of());

    @Test
    void aFindingOfTheRecordsDepartmentIsWaivedThoughItsTargetOmitsIt() {
        WaiverApplier applier = over(waiver("w1", "SI-REMEDIATION-MISSING", Map.of("department", "市民課", "itemId", "PHY-02"),
                AS_OF, false));
        List<Finding> marked = applier.apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION, EVIDENCE));
        assertEquals(new Finding.Waived("w1", "理由 w1", AS_OF), marked.get(0).waiver(), "on its expiry day it still holds");
        assertNull(marked.get(1).waiver(), "another rule with the same target is not waived");
        assertEquals(List.of(REMEDIATION.ruleId(), EVIDENCE.ruleId()), marked.stream().map(Finding::ruleId).toList(),
                "the finding is still there, in its place");
    }

    @Test
    void anotherDepartmentOrItemOrOrganizationIsSilent() {
        WaiverApplier applier = over(waiver("w1", "SI-REMEDIATION-MISSING", Map.of("department", "市民課", "itemId", "PHY-02"),
                AS_OF, false));
        assertNull(applier.apply("city", AS_OF, WaiverApplier.department("保育課"), List.of(REMEDIATION)).get(0).waiver());
        assertNull(applier.apply("other", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver());
        Finding otherItem = Finding.of("SI-REMEDIATION-MISSING", Severity.ERROR, Target.item("PHY-03").withField("remediation"),
                Map.of());
        assertNull(applier.apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(otherItem)).get(0).waiver());
        assertNull(applier.apply("city", AS_OF, Map.of(), List.of(REMEDIATION)).get(0).waiver(),
                "without its record the finding has no department");
    }

    @Test
    void anExpiredOrRevokedWaiverStopsApplying() {
        Map<String, Object> target = Map.of("itemId", "PHY-02");
        assertNull(over(waiver("w1", "SI-REMEDIATION-MISSING", target, AS_OF.minusDays(1), false))
                .apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver());
        assertNull(over(waiver("w1", "SI-REMEDIATION-MISSING", target, AS_OF.plusYears(1), true))
                .apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver());
    }

    @Test
    void numbersMatchWhetherSentAsNumbersOrTextAndAPlanIsReadWithItsId() {
        Finding gap = Finding.of("PLAN-SCHEDULE-GAP", Severity.WARNING, Target.initiative(3).withFiscalYear(2025).withField("years"),
                Map.of());
        WaiverApplier applier = over(waiver("w1", "PLAN-SCHEDULE-GAP", Map.of("planId", "p", "initiativeNo", 3), AS_OF, false),
                waiver("w2", "PLAN-SCHEDULE-GAP", Map.of("planId", "q", "initiativeNo", "3", "fiscalYear", 2025), AS_OF, false));
        assertEquals("w1", applier.apply("city", AS_OF, WaiverApplier.plan("p"), List.of(gap)).get(0).waiver().id());
        assertEquals("w2", applier.apply("city", AS_OF, WaiverApplier.plan("q"), List.of(gap)).get(0).waiver().id());
        assertNull(applier.apply("city", AS_OF, WaiverApplier.plan("r"), List.of(gap)).get(0).waiver());
    }

    @Test
    void ofTwoMatchingWaiversTheOneThatHoldsLongestIsShown() {
        Map<String, Object> target = Map.of("itemId", "PHY-02");
        WaiverApplier applier = over(waiver("short", "SI-REMEDIATION-MISSING", target, AS_OF, false),
                waiver("long", "SI-REMEDIATION-MISSING", target, AS_OF.plusMonths(6), false));
        assertEquals("long", applier.apply("city", AS_OF, Map.of(), List.of(REMEDIATION)).get(0).waiver().id());
    }

    @Test
    void theSummaryCountsAWaivedFindingOnlyAsWaived() {
        List<Finding> marked = over(waiver("w1", "SI-REMEDIATION-MISSING", Map.of("itemId", "PHY-02"), AS_OF, false))
                .apply("city", AS_OF, Map.of(), List.of(REMEDIATION, EVIDENCE));
        assertEquals(new jp.tenken.api.Summary(0, 1, 0, 1), jp.tenken.api.Summary.of(marked));
    }

    /** A store another instance writes to: what it lists can change under this applier. */
    private static final class SharedStore implements WaiverStore {
        final List<Waiver> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        public Waiver create(Waiver.New waiver, String actor) {
            throw new UnsupportedOperationException();
        }

        public Optional<Waiver> find(String id) {
            return all.stream().filter(w -> w.id().equals(id)).findFirst();
        }

        public List<Waiver> list(String organization) {
            reads.incrementAndGet();
            return all.stream().filter(w -> w.organization().equals(organization)).toList();
        }

        public RevocationOutcome revoke(String id, String actor) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void waiversAreReadOnceForManyChecksAndAgainAtOnceAfterAChangeHereOrSoonAfterOneElsewhere() throws Exception {
        SharedStore store = new SharedStore();
        WaiverApplier applier = new WaiverApplier(store);
        assertNull(applier.apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver());
        store.all.add(waiver("w1", "SI-REMEDIATION-MISSING", Map.of("department", "市民課"), AS_OF, false));
        assertNull(applier.apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver(),
                "read a moment ago: not read again for every check");
        assertEquals(1, store.reads.get());
        applier.changed("city");
        assertEquals("w1", applier.apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver().id(),
                "a waiver created on this instance applies at once");
        store.all.set(0, waiver("w1", "SI-REMEDIATION-MISSING", Map.of("department", "市民課"), AS_OF, true));
        Thread.sleep(WaiverApplier.KEPT.toMillis() + 100);
        assertNull(applier.apply("city", AS_OF, WaiverApplier.department("市民課"), List.of(REMEDIATION)).get(0).waiver(),
                "revoked on another instance: no longer applied once the waivers read here are older than " + WaiverApplier.KEPT);
        assertEquals(3, store.reads.get());
    }
}
