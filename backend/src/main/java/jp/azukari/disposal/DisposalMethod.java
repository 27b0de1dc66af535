package jp.azukari.disposal;

/** How an asset was destroyed (SPEC §4). */
public enum DisposalMethod {
    SHREDDING,
    DEGAUSSING,
    CRYPTOGRAPHIC_ERASE,
    PHYSICAL_DESTRUCTION
}
