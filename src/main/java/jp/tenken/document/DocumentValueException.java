package jp.tenken.document;

/**
 * A value that a document's type cannot hold, thrown while the document is read (from a
 * deserializer or a {@code @JsonCreator}); {@link DocumentReader} adds the field's path and refuses
 * the document with the message of {@link #key()}.
 */
public class DocumentValueException extends IllegalArgumentException {

    private final String key;

    public DocumentValueException(String key) {
        super(key);
        this.key = key;
    }

    /** The message key in {@code i18n/messages_*.properties}. */
    public String key() {
        return key;
    }
}
