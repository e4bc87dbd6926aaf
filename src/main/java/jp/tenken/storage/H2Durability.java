package jp.tenken.storage;

import java.util.Locale;

/**
 * The settings an H2 file database needs so that a write answered with 2xx survives the process
 * being killed (CONTRACT §14), added to its JDBC URL.
 *
 * <p>{@code WRITE_DELAY=0}: by default H2 2.x (MVStore) keeps committed changes in memory and
 * writes them to the file from a background thread up to half a second later, so a process killed
 * in that time loses commits it had acknowledged. With a write delay of 0 every commit writes its
 * changes into the file before COMMIT returns (H2's documentation of {@code SET WRITE_DELAY};
 * in the code, {@code TransactionStore.commit} stores when the delay is 0).
 *
 * <p>What it guarantees: the data is handed to the operating system ({@code write}, the page
 * cache) before the answer, so it survives SIGKILL, the OOM killer or a JVM crash. What it does
 * not: H2 does not {@code fsync} at commit, so a power cut or a kernel crash can still lose the
 * commits the operating system had not yet written back to the disk (Linux writes dirty pages back
 * within about 30 s by default). H2 keeps the chunks it replaced for 45 s (its retention time) so
 * that the file then falls back to an earlier state rather than break. PostgreSQL, which syncs its
 * log at each commit, is the database for a deployment that must survive a power cut.
 *
 * <p>{@code DEFRAG_ALWAYS=TRUE}: with a write delay of 0 H2 also stops the background thread
 * that compacts the file while it runs, and every commit writes a chunk of its own that stays
 * partly live, so the file grows by tens of kilobytes per write (docs/performance.md). H2's
 * ordinary compaction at close (MAX_COMPACT_TIME) does not shrink such a file; a full
 * defragmentation, which copies the live data into a new file, does. It runs at each normal stop
 * and takes about as long as copying the live data; a stop that is killed midway leaves the old
 * file as it was.
 *
 * <p>A URL that sets either itself keeps its own value; in-memory databases are left alone.
 */
public final class H2Durability {

    static final String WRITE_DELAY = "WRITE_DELAY=0";
    static final String DEFRAG_ALWAYS = "DEFRAG_ALWAYS=TRUE";
    /**
     * H2's own shutdown hook would close the database at SIGTERM while the writes in flight are
     * still being answered ({@code lifecycle.GracefulStop}); the pool closes it once they are done.
     */
    static final String CLOSED_BY_THE_POOL = "DB_CLOSE_ON_EXIT=FALSE";

    private H2Durability() {
    }

    /** The URL with the settings added when it names an H2 database on disk; any other URL as it is. */
    public static String url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:")) {
            return url;
        }
        StringBuilder durable = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) {
            durable.append(';').append(WRITE_DELAY);
        }
        if (!upper.contains(";DEFRAG_ALWAYS=")) {
            durable.append(';').append(DEFRAG_ALWAYS);
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            durable.append(';').append(CLOSED_BY_THE_POOL);
        }
        return durable.toString();
    }
}
