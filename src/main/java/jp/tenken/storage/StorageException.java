package jp.tenken.storage;

/** The database failed; nothing of the operation was stored. */
public class StorageException extends RuntimeException {
    public StorageException(Throwable cause) {
        super("storage failed: " + cause.getMessage(), cause);
    }
}
