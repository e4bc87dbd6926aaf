package jp.tenken.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The compiled rules of the rules folder, their catalogue and messages. Built once at start by
 * {@link RuleBaseLoader}: one Drools base per family (folder). An evaluation borrows a session of
 * its family from a pool and gives it back reset, so concurrent evaluations never share facts and
 * none pays for building a session.
 *
 * <p>Rules can be replaced while the service runs ({@link #replaceWith}): the new ones are compiled
 * beside the running ones, then swapped in one step. A check takes the compiled rules once
 * ({@link #compiled()}), when it starts, and gets both its findings and the version it reports from
 * them, so one already running finishes on the rules it began with and names them; the checks that
 * start afterwards use the new ones. The beans that hold this object keep holding it.
 */
public final class RuleBase {

    /** Rules of a family live in the DRL package {@code tenken.<family>}. */
    public static final String PACKAGE_PREFIX = "tenken.";

    /** Facts inserted between two looks at the request's budget. */
    private static final int CHECKPOINT_EVERY = 1024;

    /**
     * One compilation of the rules folder, never changed once built. A check takes one with
     * {@link #compiled()} and reads both the version it reports and the findings from it, so a
     * reload in between cannot label findings of one rule base with the version of the other.
     */
    public static final class Compiled {
        private final Map<String, KieBase> bases;
        private final Map<String, KieSessionsPool> sessions;
        private final List<RuleDescriptor> rules;
        private final RuleMessages messages;
        private final String version;

        private Compiled(Map<String, KieBase> bases, List<RuleDescriptor> rules, RuleMessages messages, String version) {
            Map<String, KieSessionsPool> pools = new HashMap<>();
            bases.forEach((family, base) -> pools.put(family, base.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2)));
            this.bases = Map.copyOf(bases);
            this.sessions = Map.copyOf(pools);
            this.rules = List.copyOf(rules);
            this.messages = messages;
            this.version = version;
        }

        /** A digest of the rule and message files this compilation was built from. */
        public String version() {
            return version;
        }

        /**
         * Runs the rules of one family over the facts and returns what they found, in contract order.
         *
         * @param globals values for the globals the family's rules declare, besides {@code findings}
         */
        public List<Finding> evaluate(String family, Collection<?> facts, Map<String, Object> globals) {
            KieBase base = bases.get(family);
            if (base == null) {
                throw new IllegalArgumentException("no rules of family " + family);
            }
            WorkBudget budget = WorkBudget.current();
            budget.checkpoint();
            KieSession session = sessions.get(family).newKieSession();
            // The budget may end on another thread (time up, client gone): it halts the session between
            // two firings. The lock keeps a late halt off a session that is already back in the pool.
            Object lock = new Object();
            boolean[] finished = {false};
            try (WorkBudget.Registration halting = budget.whenStopped(() -> {
                synchronized (lock) {
                    if (!finished[0]) {
                        session.halt();
                    }
                }
            })) {
                FindingCollector collector = new FindingCollector();
                session.setGlobal("findings", collector);
                globals.forEach((name, value) -> {
                    if (base.getKiePackage(PACKAGE_PREFIX + family).getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name))) {
                        session.setGlobal(name, value);
                    }
                });
                int inserted = 0;
                for (Object fact : facts) {
                    session.insert(fact);
                    if (++inserted % CHECKPOINT_EVERY == 0) {
                        budget.checkpoint();
                    }
                }
                session.fireAllRules();
                budget.checkpoint(); // halted: what was found is incomplete and must not be answered
                return collector.findings();
            } finally {
                synchronized (lock) {
                    finished[0] = true;
                    if (budget.isStopped()) {
                        session.destroy(); // a halted session is not given to the next evaluation
                    } else {
                        session.dispose(); // back to the pool, reset
                    }
                }
            }
        }
    }

    private final AtomicReference<Compiled> current;

    RuleBase(Map<String, KieBase> bases, List<RuleDescriptor> rules, RuleMessages messages, String version) {
        this.current = new AtomicReference<>(new Compiled(bases, rules, messages, version));
    }

    /**
     * From now on, the rules of {@code other} (a fresh compilation); evaluations already running
     * finish on the rules they started with. Answers the version replaced.
     */
    public String replaceWith(RuleBase other) {
        return current.getAndSet(other.current.get()).version;
    }

    /**
     * The rules running now, as one compilation. A check that reports a version with its findings
     * takes this once and asks it for both; evaluations already running keep the one they took.
     */
    public Compiled compiled() {
        return current.get();
    }

    /**
     * Runs the rules of one family, as they are now, over the facts; for a caller that reports no
     * version with the findings (one that does takes {@link #compiled()} once).
     */
    public List<Finding> evaluate(String family, Collection<?> facts, Map<String, Object> globals) {
        return current.get().evaluate(family, facts, globals);
    }

    /** Every rule, sorted by id. */
    public List<RuleDescriptor> rules() {
        return current.get().rules;
    }

    public Optional<RuleDescriptor> rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public RuleMessages messages() {
        return current.get().messages;
    }

    /** A digest of the rule and message files: two evaluations with the same version used the same rules. */
    public String version() {
        return current.get().version;
    }
}
