package jp.tenken.storage;

import java.nio.file.Path;
import java.util.Map;

/** A service stopped with SIGTERM on the embedded H2 files, started again on the same folder. */
class StoppedServiceH2Test extends StoppedServiceContract {

    @Override
    protected Map<String, String> database(Path dir) {
        return Map.of("tenken.data-dir", dir.resolve("data").toString(), "datasources.default.url", "");
    }
}
