package jp.tenken.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.text.TextKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The organizations of {@code <seeds>/organizations/*.yaml}, read once at start. */
public final class OrganizationRegistry {

    private final Map<String, DepartmentDirectory> directories;

    private OrganizationRegistry(Map<String, DepartmentDirectory> directories) {
        this.directories = directories;
    }

    public static OrganizationRegistry load(Path seedsDir) {
        Path folder = seedsDir.resolve("organizations");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(folder + ": organization folder not found (set tenken.seeds-dir)");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Map<String, DepartmentDirectory> directories = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                Organization organization = yaml.readValue(file.toFile(), Organization.class);
                check(file, organization);
                directories.put(organization.id(), new DepartmentDirectory(organization));
            }
        } catch (IOException e) {
            throw new IllegalStateException(folder + ": cannot be read: " + e.getMessage(), e);
        }
        return new OrganizationRegistry(directories);
    }

    private static void check(Path file, Organization organization) {
        if (organization.id() == null || organization.id().isBlank()) {
            throw new IllegalStateException(file + ": organization id missing");
        }
        Set<String> keys = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Department d : organization.departments()) {
            if (d.name() == null || d.name().isBlank()) {
                problems.add("a department without a name");
                continue;
            }
            if (!keys.add(TextKeys.departmentKey(d.name()))) {
                problems.add(d.name() + " is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + ": " + String.join("; ", problems));
        }
    }

    public Optional<DepartmentDirectory> directory(String organizationId) {
        return Optional.ofNullable(organizationId).map(directories::get);
    }

    /** The organization a document names in its {@code organization} field, or a 422 naming that field. */
    public DepartmentDirectory requireDirectory(String organizationId) {
        return directory(organizationId).orElseThrow(() -> DocumentRejectedException.unprocessable(
                Problem.of("organization", "organization.unknown", "id", organizationId)));
    }

    public List<String> organizationIds() {
        return List.copyOf(directories.keySet());
    }
}
