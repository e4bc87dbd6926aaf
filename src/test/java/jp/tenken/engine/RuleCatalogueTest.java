package jp.tenken.engine;

import jp.tenken.TestEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules served are those of the contract's catalogue, with the contract's severities and unique ids. */
class RuleCatalogueTest {

    /** Families built so far (by id prefix); a family's ids must match the contract's exactly. */
    private static final List<String> BUILT = List.of("PLAN-", "SI-", "AUDIT-", "EVAL-");

    /** Rules of a built family that belong to a later feature. */
    private static final Set<String> NOT_YET_BUILT = Set.of();

    /** "id severity" per line, copied from the contract. */
    private static final Path CATALOGUE = Path.of("src/test/resources/contract-rule-catalogue.txt");

    @Test
    void servedIdsEqualTheContractCatalogueForTheFamiliesBuilt() throws IOException {
        Set<String> contract = contractIds();
        Set<String> served = new TreeSet<>();
        TestEngine.ruleBase().rules().forEach(r -> served.add(r.id()));
        for (String prefix : BUILT) {
            assertEquals(filter(contract, prefix, NOT_YET_BUILT), filter(served, prefix, NOT_YET_BUILT), "rules " + prefix + "*");
        }
        assertEquals(contract, served, "the whole catalogue is served");
    }

    @Test
    void ruleIdsAreUnique() {
        List<String> ids = TestEngine.ruleBase().rules().stream().map(RuleDescriptor::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate rule ids in " + ids);
    }

    @Test
    void severitiesAreTheContractsAndSourcesNameTheRuleFile() throws IOException {
        List<String> table = Files.readAllLines(CATALOGUE);
        for (String line : table) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            TestEngine.ruleBase().rule(parts[0]).ifPresent(r -> {
                assertEquals(parts[1], r.severity().name(), r.id());
                assertEquals("rules/" + r.family() + "/" + r.id() + ".drl", r.source());
            });
        }
    }

    private static Set<String> contractIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(CATALOGUE)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                ids.add(line.trim().split("\\s+")[0]);
            }
        }
        return ids;
    }

    private static Set<String> filter(Set<String> ids, String prefix, Set<String> except) {
        Set<String> result = new TreeSet<>();
        ids.stream().filter(id -> id.startsWith(prefix) && !except.contains(id)).forEach(result::add);
        return result;
    }
}
