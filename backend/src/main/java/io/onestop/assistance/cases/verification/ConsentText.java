package io.onestop.assistance.cases.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One version of the verification consent's text (授权书). Versions are added by migration, never edited: every
 * signature names the version the member was shown (or read out on the hotline), so what they agreed to stays known.
 */
@Entity
@Table(name = "consent_text")
public class ConsentText {

    @Id
    public String version;

    @Column(name = "effective_from", nullable = false)
    public OffsetDateTime effectiveFrom;

    @Column(name = "text_zh", nullable = false)
    public String textZh;

    @Column(name = "text_en", nullable = false)
    public String textEn;
}
