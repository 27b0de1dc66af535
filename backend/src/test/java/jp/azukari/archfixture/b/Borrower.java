package jp.azukari.archfixture.b;

import jp.azukari.archfixture.a.Lender;

/** The other half of a package cycle: b → a. */
public class Borrower {

    public Lender from() {
        return null;
    }
}
