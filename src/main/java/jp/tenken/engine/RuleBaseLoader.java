package jp.tenken.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles every {@code .drl} file under the rules folder into one {@link RuleBase}, or fails with
 * a message naming each broken file and line: a rule base is complete or it does not exist.
 *
 * <p>Conventions checked here, so that a rule can be found by its id: one rule per file, the file
 * named after the rule's {@code @id}, the rule named after it too, its package
 * {@code tenken.<folder>}, a valid {@code @severity}, a {@code @title}, and a message in every
 * language's bundle.
 */
public final class RuleBaseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseLoader.class);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$", Pattern.MULTILINE);

    private RuleBaseLoader() {
    }

    public static RuleBase load(Path rulesDir) {
        long started = System.nanoTime();
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleBaseException(rulesDir + ": rules folder not found (set tenken.rules-dir)");
        }
        Path root = realPath(rulesDir);
        List<Path> files = drlFiles(root);
        if (files.isEmpty()) {
            throw new RuleBaseException(rulesDir + ": no .drl files");
        }
        RuleMessages messages = RuleMessages.load(root);

        KieServices services = KieServices.Factory.get();
        Map<String, Path> sourceOfResource = new HashMap<>();
        Map<String, List<Resource>> resourcesOfFamily = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        MessageDigest digest = sha256();
        // A rule's id is its file name, so two files of one name (in different subfolders) would be
        // one id twice; Drools would only report a duplicate rule against one of them.
        Map<String, Path> fileOfName = new HashMap<>();
        for (Path file : files) {
            Path sameName = fileOfName.putIfAbsent(file.getFileName().toString(), file);
            if (sameName != null) {
                problems.add(display(rulesDir, root, file) + ": id " + file.getFileName().toString().replaceFirst("\\.drl$", "")
                        + " is already used by " + display(rulesDir, root, sameName));
                continue;
            }
            String text = read(file);
            String family = root.relativize(file).getName(0).toString();
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            Matcher pkg = PACKAGE.matcher(text);
            String expectedPackage = RuleBase.PACKAGE_PREFIX + family;
            if (!pkg.find() || !pkg.group(1).equals(expectedPackage)) {
                problems.add(display(rulesDir, root, file) + ":1: package must be " + expectedPackage);
                continue;
            }
            String resource = expectedPackage.replace('.', '/') + "/" + file.getFileName();
            sourceOfResource.put(resource, file);
            resourcesOfFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(
                    services.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(resource));
        }
        for (Language language : Language.values()) {
            digest.update(read(root.resolve("messages_" + language.code() + ".properties")).getBytes(StandardCharsets.UTF_8));
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException("rules do not compile", problems);
        }

        // One Drools base per family: a plan check then builds no network memory for inspection or
        // audit rules. Each is compiled by a knowledge builder of its own, not through a KIE project:
        // a project describes its bases in kmodule.xml, and writing and reading that XML (XStream)
        // cost the start about a quarter of the rule compilation.
        Map<String, KieBase> bases = new LinkedHashMap<>();
        resourcesOfFamily.forEach((family, resources) -> {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(builderConfiguration());
            CompositeKnowledgeBuilder batch = builder.batch();
            resources.forEach(resource -> batch.add(resource, ResourceType.DRL));
            batch.build();
            List<CompileError> errors = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String resource = error.getResource() == null ? null : error.getResource().getSourcePath();
                Path file = fileOfResource(resource, sourceOfResource);
                String where = file == null ? String.valueOf(resource) : display(rulesDir, root, file);
                int line = error.getLines() == null || error.getLines().length == 0 ? 1 : Math.max(error.getLines()[0], 1);
                errors.add(new CompileError(where, line, error.getMessage().strip()));
            }
            problems.addAll(CompileError.reported(errors));
            if (!builder.hasErrors()) {
                bases.put(family, builder.newKieBase());
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleBaseException("rules do not compile", problems);
        }

        List<RuleDescriptor> rules = describe(bases.values(), sourceOfResource, rulesDir, root, messages, problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException("rules break the rules-folder conventions", problems);
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        LOG.info("Compiled {} rules from {} in {} ms (rules version {})", rules.size(), rulesDir,
                (System.nanoTime() - started) / 1_000_000, version);
        return new RuleBase(bases, rules, messages, version);
    }

    /** An error Drools reports for a rule file, at a line of it. */
    private record CompileError(String where, int line, String message) {

        /** What Drools adds for a file whose syntax error it has reported already. */
        private static final String NULL_PACKAGE = "Parser returned a null Package";

        /**
         * The errors as problem lines, without the "null Package" that follows a syntax error: it
         * points at line 1 and would name the broken file a second time for the same fault.
         */
        static List<String> reported(List<CompileError> errors) {
            Set<String> filesWithACause = errors.stream().filter(e -> !e.followsAnother())
                    .map(CompileError::where).collect(Collectors.toSet());
            return errors.stream()
                    .filter(e -> !(e.followsAnother() && filesWithACause.contains(e.where())))
                    .map(e -> e.where() + ":" + e.line() + ": " + e.message())
                    .toList();
        }

        private boolean followsAnother() {
            return message.equals(NULL_PACKAGE);
        }
    }

    /**
     * Facts are immutable records that are inserted once and never modified, so Drools need not
     * work out which properties each pattern listens to (property reactivity): ALLOWED turns it off
     * unless a fact type asks for it, and with it the warnings about constraints on globals.
     */
    private static KnowledgeBuilderConfiguration builderConfiguration() {
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        configuration.setOption(PropertySpecificOption.ALLOWED);
        return configuration;
    }

    private static List<RuleDescriptor> describe(java.util.Collection<KieBase> bases, Map<String, Path> sourceOfResource, Path rulesDir,
                                                 Path root, RuleMessages messages, List<String> problems) {
        Map<Path, List<Rule>> rulesOfFile = new LinkedHashMap<>();
        sourceOfResource.values().stream().sorted().forEach(f -> rulesOfFile.put(f, new ArrayList<>()));
        for (KiePackage kiePackage : bases.stream().flatMap(b -> b.getKiePackages().stream()).toList()) {
            for (Rule rule : kiePackage.getRules()) {
                Path file = fileOf(rule, sourceOfResource);
                if (file != null) {
                    rulesOfFile.get(file).add(rule);
                }
            }
        }
        List<RuleDescriptor> rules = new ArrayList<>();
        rulesOfFile.forEach((file, fileRules) -> {
            String where = display(rulesDir, root, file);
            String expectedId = file.getFileName().toString().replaceFirst("\\.drl$", "");
            if (fileRules.size() != 1) {
                problems.add(where + ": holds " + fileRules.size() + " rules; a rule file holds exactly one");
                return;
            }
            Rule rule = fileRules.get(0);
            Map<String, Object> meta = rule.getMetaData();
            String id = text(meta.get(RuleDescriptor.ID));
            String title = text(meta.get(RuleDescriptor.TITLE));
            String severityText = text(meta.get(RuleDescriptor.SEVERITY));
            if (!expectedId.equals(id) || !expectedId.equals(rule.getName())) {
                problems.add(where + ": rule \"" + rule.getName() + "\" with @id(" + id + ") must be named " + expectedId + " like its file");
                return;
            }
            Severity severity;
            try {
                severity = Severity.valueOf(severityText);
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(where + ": @severity(" + severityText + ") is not ERROR, WARNING or INFO");
                return;
            }
            if (title == null || title.isBlank()) {
                problems.add(where + ": @title is missing");
                return;
            }
            for (Language language : Language.values()) {
                if (messages.template(language, id).isEmpty()) {
                    problems.add(where + ": no message for " + id + " in messages_" + language.code() + ".properties");
                }
            }
            String family = root.relativize(file).getName(0).toString();
            String source = Path.of(rulesDir.normalize().getFileName().toString()).resolve(root.relativize(file)).toString();
            String keys = text(meta.get(RuleDescriptor.TARGET_KEYS));
            List<String> targetKeys = keys == null ? List.of()
                    : java.util.Arrays.stream(keys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
            rules.add(new RuleDescriptor(id, severity, title, family, source.replace('\\', '/'), targetKeys));
        });
        rules.sort(Comparator.comparing(RuleDescriptor::id));
        return rules;
    }

    /** The file a compiled rule came from. */
    private static Path fileOf(Rule rule, Map<String, Path> sourceOfResource) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null) {
            Path file = fileOfResource(impl.getResource().getSourcePath(), sourceOfResource);
            if (file == null) {
                LOG.warn("Rule {} comes from an unexpected resource {}", rule.getName(), impl.getResource().getSourcePath());
            }
            return file;
        }
        return null;
    }

    /** The rules file behind a resource path, which Drools gives with or without the resources root. */
    private static Path fileOfResource(String resource, Map<String, Path> sourceOfResource) {
        if (resource == null) {
            return null;
        }
        for (Map.Entry<String, Path> entry : sourceOfResource.entrySet()) {
            if (entry.getKey().equals(resource) || entry.getKey().endsWith("/" + resource)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The folder itself when it is reached through a symbolic link, so that walking it finds the files. */
    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new RuleBaseException(dir + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Path> drlFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new RuleBaseException(root + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleBaseException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String display(Path rulesDir, Path root, Path file) {
        return rulesDir.resolve(root.relativize(file)).toString();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
