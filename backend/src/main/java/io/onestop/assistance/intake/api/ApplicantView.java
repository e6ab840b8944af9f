package io.onestop.assistance.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The applicant as answers show them: identifiers masked. */
@Schema(name = "ApplicantView", example = """
        {"name":"张伟","nationalId":"1101**********4514","phone":"138****5678","address":"小店区北营街道 1 号"}""")
public record ApplicantView(String name, String nationalId, String phone, String address) {
}
