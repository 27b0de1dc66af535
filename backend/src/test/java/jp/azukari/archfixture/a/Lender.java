package jp.azukari.archfixture.a;

import jp.azukari.archfixture.b.Borrower;

/** One half of a package cycle: a → b. */
public class Lender {

    public Borrower lendTo() {
        return new Borrower();
    }
}
