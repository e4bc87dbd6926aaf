package jp.tenken.organization;

import com.fasterxml.jackson.core.JsonPointer;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.source.YamlFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The organizations of {@code <seeds>/organizations/*.yaml}, read once at start. */
public final class OrganizationRegistry {

    private static final JsonPointer ID = JsonPointer.empty().appendProperty("id");

    private final Map<String, DepartmentDirectory> directories;

    private OrganizationRegistry(Map<String, DepartmentDirectory> directories) {
        this.directories = directories;
    }

    /**
     * Reads every organization file of {@code <seeds>/organizations}; a broken one stops here, naming
     * file and line, rather than leaving a registry that fails the requests that need it.
     */
    public static OrganizationRegistry load(Path seedsDir) {
        Map<String, DepartmentDirectory> directories = new TreeMap<>();
        Map<String, Path> fileOfId = new HashMap<>();
        for (Path file : organizationFiles(seedsDir.resolve("organizations"))) {
            YamlFile<Organization> read = YamlFile.read(file, Organization.class, OrganizationException::new);
            List<String> problems = OrganizationCheck.problems(read);
            String id = read.value().id();
            Path other = id == null ? null : fileOfId.putIfAbsent(id, file);
            if (other != null) {
                problems.add(read.problem(ID, "organization " + id + " is already given by " + other));
            }
            if (!problems.isEmpty()) {
                throw new OrganizationException("organization data is not valid", problems);
            }
            directories.put(id, new DepartmentDirectory(read.value()));
        }
        return new OrganizationRegistry(directories);
    }

    private static List<Path> organizationFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new OrganizationException(folder + ": organization folder not found (set tenken.seeds-dir)");
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new OrganizationException(folder + ": cannot be read (" + e.getMessage() + ")");
        }
        // Without an organization every plan, inspection and audit would be refused as naming an unknown one.
        if (files.isEmpty()) {
            throw new OrganizationException(folder + ": no organization file (*.yaml)");
        }
        return files;
    }

    public Optional<DepartmentDirectory> directory(String organizationId) {
        return Optional.ofNullable(organizationId).map(directories::get);
    }

    /** The organization's name as people say it (平塚市), or its id when the registry does not know it. */
    public String nameOf(String organizationId) {
        return directory(organizationId).map(d -> d.organization().name()).orElse(organizationId);
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
