package jp.tenken.waiver;

import java.util.List;
import java.util.Optional;

/** Stored waivers; H2 and PostgreSQL behind one implementation. */
public interface WaiverStore {

    /**
     * Stores a new waiver under a new id, created now by {@code actor} (a user name), with its
     * {@code WAIVER_CREATED} activity entry in the same transaction.
     */
    Waiver create(Waiver.New waiver, String actor);

    Optional<Waiver> find(String id);

    /** The waivers of an organization, revoked and expired ones included, oldest first. */
    List<Waiver> list(String organization);

    /** How a revocation ended. */
    enum RevocationOutcome { REVOKED, ALREADY_REVOKED, NOT_FOUND }

    /**
     * Revokes the waiver now, as {@code actor}, with its {@code WAIVER_REVOKED} activity entry in the
     * same transaction. A waiver is revoked once: a second revocation changes nothing and writes no
     * entry (decided in the transaction of the write, so of two sent at once one revokes).
     */
    RevocationOutcome revoke(String id, String actor);
}
