package io.onestop.assistance.documents.inspection;

/** Width and height an image declares in its header; what a decoder would allocate. */
public record ImageSize(long width, long height) {

    public long pixels() {
        return width * height;
    }
}
