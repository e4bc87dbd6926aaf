package jp.tenken.checklist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/ipa-self-diagnosis-coverage.md maps each of IPA's 25 self-diagnosis questions to the items that
 * cover it: the table must have the 25 rows, each naming at least one item, and every item it names must
 * be in the current checklist, so coverage cannot silently regress when an item is removed or renamed.
 */
class IpaCoverageTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|[^|]*\\|([^|]*)\\|");
    private static final Pattern ID = Pattern.compile("[A-Z]{3}-\\d{2}");

    @Test
    void everyIpaQuestionIsCoveredByItemsOfTheCurrentChecklist() throws IOException {
        Checklist checklist = ChecklistLoader.load(Path.of("checklists")).get("municipal-security-self-inspection");
        List<Integer> numbers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/ipa-self-diagnosis-coverage.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            int number = Integer.parseInt(row.group(1));
            numbers.add(number);
            Matcher id = ID.matcher(row.group(2));
            TreeSet<String> items = new TreeSet<>();
            while (id.find()) {
                items.add(id.group());
            }
            assertFalse(items.isEmpty(), "IPA question " + number + " names no item");
            items.stream().filter(i -> checklist.item(i).isEmpty()).forEach(i -> missing.add(number + ": " + i));
        }
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList(), numbers, "the 25 questions in order");
        assertTrue(missing.isEmpty(), "items named in the table but not in the checklist: " + missing);
    }
}
