package jp.tenken.engine;

import org.apache.commons.text.StringSubstitutor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The message bundles of the rules folder, one per language ({@code rules/messages_ja.properties},
 * {@code rules/messages_en.properties}), keyed by rule id. Templates use {@code ${name}} parameters;
 * {@code <id>.title} and {@code <id>.description} describe the rule in the catalogue.
 */
public final class RuleMessages {

    private final Map<Language, Properties> bundles;

    private RuleMessages(Map<Language, Properties> bundles) {
        this.bundles = bundles;
    }

    static RuleMessages load(Path rulesDir) {
        Map<Language, Properties> bundles = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Path file = rulesDir.resolve("messages_" + language.code() + ".properties");
            Properties properties = new Properties();
            if (!Files.isRegularFile(file)) {
                throw new RuleBaseException(file + ": message bundle missing");
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new RuleBaseException(file + ": cannot be read: " + e.getMessage(), e);
            }
            bundles.put(language, properties);
        }
        return new RuleMessages(bundles);
    }

    /** The template for {@code key} in {@code language}, if the bundle has one. */
    public Optional<String> template(Language language, String key) {
        return Optional.ofNullable(bundles.get(language).getProperty(key));
    }

    /** Puts a finding into words; a missing variant falls back to the rule's main message. */
    public String render(Finding finding, Language language) {
        String template = template(language, finding.messageKey())
                .or(() -> template(language, finding.ruleId()))
                .or(() -> template(Language.JA, finding.messageKey()))
                .orElse(finding.ruleId());
        return substitutor(finding.params()).replace(template);
    }

    /** Fills in ${name} parameters once: a value that itself contains "${…}" (user text) stays as it is. */
    static StringSubstitutor substitutor(java.util.Map<String, ?> params) {
        return new StringSubstitutor(params).setDisableSubstitutionInValues(true);
    }

    /** Catalogue text of a rule ({@code title} or {@code description}), falling back to {@code fallback}. */
    public String describe(String ruleId, String what, Language language, String fallback) {
        return template(language, ruleId + "." + what).orElse(fallback);
    }
}
