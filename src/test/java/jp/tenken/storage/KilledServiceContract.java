package jp.tenken.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CONTRACT §14: a write answered with 2xx survives the process being killed at any moment after
 * the answer. The service runs in a child JVM, stores documents of every kind, is killed with
 * SIGKILL right after its last answer, and is started again on the same database, where every
 * acknowledged write must be read back. Run on H2 and PostgreSQL by the subclasses.
 *
 * <p>Without durable commits H2 keeps the last half second of commits in memory (its write
 * delay), so the writes of the last round are what a kill takes away.
 */
abstract class KilledServiceContract {

    /** Rounds of writes; at six writes a round, a second or two of writes on this machine. */
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    /** The configuration that points the service at this test's database (system properties). */
    protected abstract Map<String, String> database(Path dir) throws Exception;

    @Test
    @Timeout(300)
    void everyWriteAnswered2xxIsReadBackAfterTheServiceIsKilled() throws Exception {
        Map<String, String> database = database(dir);
        Path log = dir.resolve("service.log");
        List<AcknowledgedWrites.Write> acknowledged;
        ChildService first = ChildService.start(database, log);
        try {
            acknowledged = new AcknowledgedWrites(first).send(ROUNDS);
        } finally {
            first.kill();
        }
        try (ChildService second = ChildService.start(database, log)) {
            List<String> lost = new ArrayList<>();
            for (AcknowledgedWrites.Write write : acknowledged) {
                if (!write.isThere(second)) {
                    lost.add(write.what());
                }
            }
            assertEquals(List.of(), lost, lost.size() + " of " + acknowledged.size() + " acknowledged writes lost");
        }
    }
}
