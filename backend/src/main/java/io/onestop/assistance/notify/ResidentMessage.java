package io.onestop.assistance.notify;

/** One message for a resident, in plain Simplified Chinese; {@code kind} is a code for the screens and the hotline. */
public record ResidentMessage(String kind, String title, String body) {
}
