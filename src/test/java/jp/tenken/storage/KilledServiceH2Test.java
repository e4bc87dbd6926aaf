package jp.tenken.storage;

import java.nio.file.Path;
import java.util.Map;

/** A killed service on the default embedded database: H2 files under tenken.data-dir. */
class KilledServiceH2Test extends KilledServiceContract {

    @Override
    protected Map<String, String> database(Path dir) {
        // An empty URL selects the embedded H2 files, as a plain `java -jar` start does.
        return Map.of("tenken.data-dir", dir.resolve("data").toString(), "datasources.default.url", "");
    }
}
