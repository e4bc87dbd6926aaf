package jp.tenken.source;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folders the service reads at start (rules, checklists, organization data), checked all at
 * once before anything is written: a service started from the wrong working folder says which
 * folders it looked for, where, and how to point it at them, and leaves no {@code ./data} behind
 * (the database is opened only after this check; see {@code DatabaseFactory}). The beans read from
 * these folders at start ask for this check first, so the message lists every missing folder
 * rather than the first one a loader happened to reach. The command line reads only what its
 * command needs and says so itself.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class StartFolders {

    public StartFolders(@Value("${tenken.rules-dir:rules}") String rules,
                        @Value("${tenken.checklists-dir:checklists}") String checklists,
                        @Value("${tenken.seeds-dir:seeds}") String seeds) {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put(rules, "TENKEN_RULES_DIR");
        folders.put(checklists, "TENKEN_CHECKLISTS_DIR");
        folders.put(Path.of(seeds).resolve("organizations").toString(), "TENKEN_SEEDS_DIR");
        List<String> missing = new ArrayList<>();
        folders.forEach((folder, variable) -> {
            Path path = Path.of(folder).toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                missing.add(path + ": フォルダがありません (folder not found; set " + variable + ")");
            }
        });
        if (!missing.isEmpty()) {
            missing.add("作業フォルダ " + Path.of("").toAbsolutePath() + " から探しました。Tenken のフォルダで起動するか、上の環境変数でフォルダを指定してください"
                    + " (looked from this working folder: start Tenken in its own folder or set the variables above)");
            throw new SourceException(null, missing);
        }
    }
}
