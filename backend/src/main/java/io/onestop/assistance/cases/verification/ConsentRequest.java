package io.onestop.assistance.cases.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's signature: their own national id number (it keys the agency records) and where they signed. */
@Schema(name = "ConsentRequest", example = """
        {"nationalId":"140105198805100020","channel":"ONLINE"}""")
public record ConsentRequest(
        @NotBlank @Size(max = 18) @Schema(description = "The member's 18-character national id number; never shown again")
        String nationalId,
        @Schema(description = "Where the member signed; ONLINE when omitted", defaultValue = "ONLINE") Channel channel) {

    public enum Channel {
        ONLINE, MINI_PROGRAM
    }

    public Channel channelOrDefault() {
        return channel == null ? Channel.ONLINE : channel;
    }
}
