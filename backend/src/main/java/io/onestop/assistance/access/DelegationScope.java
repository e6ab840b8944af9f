package io.onestop.assistance.access;

/**
 * What a family delegate may do with one intake. Each scope includes the ones before it: whoever may upload or act
 * may also follow the status. None of them shows the applicant's id number, address, bank or health details: those
 * stay with the applicant and staff.
 */
public enum DelegationScope {
    /** Follow the status (steps, deadlines, to-dos) with staff notes hidden and the applicant's name masked. */
    VIEW_STATUS,
    /** Also upload documents to the intake (the to-dos of a request for documents), never download them. */
    UPLOAD_DOCUMENTS,
    /** Also act for the applicant: open the documents (audited) and withdraw the intake. */
    ACT_FOR_ME;

    public boolean allowsUpload() {
        return this != VIEW_STATUS;
    }

    public boolean allowsActing() {
        return this == ACT_FOR_ME;
    }
}
