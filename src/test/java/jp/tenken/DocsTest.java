package jp.tenken;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and the pages of docs/ are read by someone who has only the repository (issue 21,
 * 5.6): they name no folder of the machine they were written on, and link to nothing outside
 * the repository.
 */
class DocsTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().normalize();

    /** A path from the root of a machine: /tmp/…, /work/…, /home/…, /root/… (not a URL's path). */
    private static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~:/-])/(tmp|work|home|root)\\b");

    /** The target of a Markdown link or image: {@code [text](target)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)[^)]*\\)");

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 5, "README.md and the pages of docs/: " + pages);
        return pages;
    }

    @Test
    void noPageNamesAFolderOfTheMachineItWasWrittenOn() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (MACHINE_PATH.matcher(lines.get(i)).find()) {
                    found.add(page + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found, "a relative path (target/…, data/…) instead");
    }

    @Test
    void noPageLinksToAFileOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // a URL (https:, mailto:) or a heading of the same page
                }
                String file = target.replaceFirst("[#?].*$", "");
                Path resolved = target.startsWith("/") ? Path.of(file)
                        : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!resolved.startsWith(REPOSITORY)) {
                    found.add(page + ": " + target);
                }
            }
        }
        assertEquals(List.of(), found, "links that leave the repository");
    }
}
