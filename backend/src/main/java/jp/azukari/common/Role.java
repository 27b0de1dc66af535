package jp.azukari.common;

/**
 * The five roles of SPEC §2. The first four belong to the agency, CUSTODIAN to a contractor or
 * subcontractor.
 */
public enum Role {
    ADMIN,
    MANAGER,
    CLERK,
    AUDITOR,
    CUSTODIAN;

    public boolean isAgencyRole() {
        return this != CUSTODIAN;
    }
}
