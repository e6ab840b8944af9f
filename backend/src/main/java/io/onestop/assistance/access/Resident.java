package io.onestop.assistance.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One real person, known by national id (sealed, with a keyed hash for look-up); see V5__residents.sql. */
@Entity
@Table(name = "resident")
public class Resident {

    /** The prefix of owner keys: what a real-name bound resident owns is keyed by {@code resident:<id>}. */
    public static final String OWNER_KEY_PREFIX = "resident:";

    @Id
    public UUID id;

    @Column(name = "national_id_enc", nullable = false)
    public String nationalIdEncrypted;

    @Column(name = "national_id_hash", nullable = false)
    public String nationalIdHash;

    @Column(nullable = false)
    public String name;

    @Column(name = "phone_enc")
    public String phoneEncrypted;

    @Column(name = "phone_hash")
    public String phoneHash;

    @Column(name = "phone_verified_at")
    public OffsetDateTime phoneVerifiedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public String ownerKey() {
        return ownerKey(id);
    }

    public static String ownerKey(UUID residentId) {
        return OWNER_KEY_PREFIX + residentId;
    }
}
