package com.campaignledger.soap.ccc;

/**
 * A CccService operation the ledger refused, in the words its REST row's problem would use as {@code detail}: the
 * SOAP fault's reason. Nothing was written.
 */
public class CccRefusal extends RuntimeException {

    public CccRefusal(String detail) {
        super(detail);
    }
}
