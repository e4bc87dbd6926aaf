package jp.tenken.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI description of the API as served: the one Micronaut OpenAPI writes from the
 * controllers at compile time ({@code META-INF/swagger/tenken-0.1.yml}), with what is not the API
 * taken out. The pages' routes (HTML, not an API), the {@code caller} argument (the logged-in user,
 * which a client never sends as a parameter: it is the HTTP Basic header) and the schemas only
 * those referred to. Read once, at the first request.
 */
final class OpenApiDocument {

    static final String GENERATED = "META-INF/swagger/tenken-0.1.yml";
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiDocument() {
    }

    static byte[] load() {
        YAMLMapper yaml = new YAMLMapper();
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(GENERATED)) {
            if (in == null) {
                throw new IllegalStateException(GENERATED + " missing: the jar was built without Micronaut OpenAPI");
            }
            ObjectNode document = (ObjectNode) yaml.readTree(in);
            apiOnly(document);
            return yaml.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void apiOnly(ObjectNode document) {
        ObjectNode paths = (ObjectNode) document.path("paths");
        paths.properties().removeIf(path -> !path.getKey().startsWith("/api/"));
        for (JsonNode path : paths) {
            for (JsonNode operation : path) {
                if (operation.get("parameters") instanceof ArrayNode parameters) {
                    for (Iterator<JsonNode> it = parameters.elements(); it.hasNext(); ) {
                        if ("caller".equals(it.next().path("name").asText())) {
                            it.remove();
                        }
                    }
                    if (parameters.isEmpty()) {
                        ((ObjectNode) operation).remove("parameters");
                    }
                }
                withoutCallerInBody((ObjectNode) operation);
            }
        }
        if (document.path("components").get("schemas") instanceof ObjectNode schemas) {
            Set<String> used = referred(paths, schemas);
            schemas.properties().removeIf(schema -> !used.contains(schema.getKey()));
        }
    }

    /**
     * A write whose arguments are the caller and an unannotated body gets a made-up object body with
     * the caller as a property: the caller goes, and a body left empty with it.
     */
    private static void withoutCallerInBody(ObjectNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isObject()) {
            return;
        }
        ((ObjectNode) content).properties().removeIf(media -> {
            if (!(media.getValue().path("schema").get("properties") instanceof ObjectNode properties)) {
                return false;
            }
            properties.remove("caller");
            return properties.isEmpty();
        });
        if (content.isEmpty()) {
            operation.remove("requestBody");
        }
    }

    /** The schemas the paths refer to, and those they refer to in turn. */
    private static Set<String> referred(JsonNode paths, ObjectNode schemas) {
        Set<String> used = new HashSet<>();
        Deque<JsonNode> toVisit = new ArrayDeque<>();
        toVisit.push(paths);
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.pop();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (field.getKey().equals("$ref") && field.getValue().asText().startsWith(SCHEMA_REF)) {
                        String name = field.getValue().asText().substring(SCHEMA_REF.length());
                        if (used.add(name) && schemas.has(name)) {
                            toVisit.push(schemas.get(name));
                        }
                    } else {
                        toVisit.push(field.getValue());
                    }
                }
            } else if (node.isArray()) {
                node.forEach(toVisit::push);
            }
        }
        return used;
    }
}
