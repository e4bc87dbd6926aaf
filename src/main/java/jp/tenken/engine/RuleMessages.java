package jp.tenken.engine;

import org.apache.commons.text.StringSubstitutor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The message bundles of the rules folder, one per language ({@code rules/messages_ja.properties},
 * {@code rules/messages_en.properties}), keyed by rule id. Templates use {@code ${name}} parameters;
 * {@code <id>.title} and {@code <id>.description} describe the rule in the catalogue.
 */
public final class RuleMessages {

    private static final String PARAM_WORD = "param.";

    private final Map<Language, Properties> bundles;
    /** The parameter names each bundle has words for, so other parameters cost no lookup. */
    private final Map<Language, Set<String>> worded = new EnumMap<>(Language.class);

    private RuleMessages(Map<Language, Properties> bundles) {
        this.bundles = bundles;
        bundles.forEach((language, bundle) -> worded.put(language, bundle.stringPropertyNames().stream()
                .filter(key -> key.startsWith(PARAM_WORD) && key.indexOf('.', PARAM_WORD.length()) > 0)
                .map(key -> key.substring(PARAM_WORD.length(), key.indexOf('.', PARAM_WORD.length())))
                .collect(Collectors.toUnmodifiableSet())));
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
        return substitutor(inWords(finding.params(), language)).replace(template);
    }

    /**
     * Parameter values the bundle puts into words ({@code param.<name>.<value>}, e.g.
     * {@code param.answer.NO=いいえ}): a finding keeps the value as the document gave it, its message
     * reads as the form does.
     */
    private Map<String, String> inWords(Map<String, String> params, Language language) {
        Set<String> names = worded.get(language);
        if (names.isEmpty()) {
            return params;
        }
        Properties bundle = bundles.get(language);
        Map<String, String> shown = null;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String word = param.getValue() == null || !names.contains(param.getKey()) ? null
                    : bundle.getProperty(PARAM_WORD + param.getKey() + "." + param.getValue());
            if (word != null) {
                if (shown == null) {
                    shown = new HashMap<>(params);
                }
                shown.put(param.getKey(), word);
            }
        }
        return shown == null ? params : shown;
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
