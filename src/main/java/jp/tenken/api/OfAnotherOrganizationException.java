package jp.tenken.api;

import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;

import java.util.Map;

/**
 * An upload names a document id that another organization's document of the same kind already
 * has (CONTRACT §14): documents belong to their organization, so the upload is refused whole
 * (409, {@link OfAnotherOrganizationHandler}) and nothing of it is stored. Each kind of document
 * has its own subclass, so its store and pages say which one they refuse.
 */
public abstract class OfAnotherOrganizationException extends RuntimeException {

    private final String kind;
    private final String id;
    private final String organization;

    /**
     * {@code kind} names the error code ({@code <kind>_of_another_organization}) and the message
     * ({@code <kind>.other-organization}); {@code organization} is the one the refused upload
     * names, not the document's owner.
     */
    protected OfAnotherOrganizationException(String kind, String id, String organization) {
        super(kind + " " + id + " belongs to another organization than " + organization);
        this.kind = kind;
        this.id = id;
        this.organization = organization;
    }

    public String id() {
        return id;
    }

    public String organization() {
        return organization;
    }

    /** The error shape's code. */
    public String code() {
        return kind + "_of_another_organization";
    }

    /** The message naming the id and the upload's organization. */
    public String message(Language language) {
        return Texts.get(language, kind + ".other-organization", Map.of("id", id, "organization", organization));
    }
}
