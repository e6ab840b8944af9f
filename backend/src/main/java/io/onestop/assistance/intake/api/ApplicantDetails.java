package io.onestop.assistance.intake.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who applies and how to reach them. In a draft every field may still be empty; submission requires name and a
 * valid national id. A masked id sent back unchanged (as the draft view shows it) keeps the stored one.
 */
@Schema(name = "ApplicantDetails", example = """
        {"name":"张伟","nationalId":"110101199003074514","phone":"13812345678","address":"小店区北营街道 1 号"}""")
public record ApplicantDetails(
        @Size(max = 50) String name,
        @Size(max = 18) String nationalId,
        @Pattern(regexp = "1\\d{10}|1\\d{2}\\*{4}\\d{4}", message = "must be an 11-digit mobile number") String phone,
        @Size(max = 200) String address) {
}
