package jp.tenken.storage;

import jp.tenken.source.SourceException;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A second service started on the same H2 files: H2 locks them, and the failure came out as a
 * 73-line stack trace. It is one line now, in Japanese and English, naming the folder.
 */
final class DatabaseInUse {

    /** H2's error code for files locked by another process (DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private DatabaseInUse() {
    }

    /** The failure as one line if it is the lock of another process, otherwise unchanged. */
    static RuntimeException explain(RuntimeException failure, String dataDir) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new SourceException(Path.of(dataDir).toAbsolutePath().normalize()
                        + ": データベースは別の Tenken が使っています。そちらを止めるか、TENKEN_DATA_DIR で別のフォルダを指定してください"
                        + " (the database is in use by another Tenken process: stop it or set TENKEN_DATA_DIR)");
            }
        }
        return failure;
    }
}
