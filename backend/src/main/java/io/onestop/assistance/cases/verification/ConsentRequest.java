package io.onestop.assistance.cases.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's signature: their own national id number (it keys the agency records), where they signed, and, for an
 * adult who cannot sign themself, the guardian who signs for them.
 */
@Schema(name = "ConsentRequest", example = """
        {"nationalId":"<the member's 18-character id number>","channel":"WEB","guardianName":null}""")
public record ConsentRequest(
        @NotBlank @Size(max = 18) @Schema(description = "The member's 18-character national id number; never shown again")
        String nationalId,
        @Schema(description = "Where the member signed; WEB when omitted (ONLINE is the older name of WEB). "
                + "HOTLINE_VERBAL is recorded by hotline staff only", defaultValue = "WEB") Channel channel,
        @Size(max = 100) @Schema(description = "The guardian's name when a guardian signs for a member who cannot", nullable = true)
        String guardianName) {

    public enum Channel {
        WEB, ONLINE, MINI_PROGRAM, HOTLINE_VERBAL
    }

    public ConsentRequest(String nationalId, Channel channel) {
        this(nationalId, channel, null);
    }

    public Channel channelOrDefault() {
        return channel == null || channel == Channel.ONLINE ? Channel.WEB : channel;
    }
}
