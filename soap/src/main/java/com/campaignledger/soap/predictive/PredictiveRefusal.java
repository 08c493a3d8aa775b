package com.campaignledger.soap.predictive;

/**
 * An operation the ledger refused, in the words its REST row's problem would use as {@code detail}: the SOAP fault's
 * {@code faultstring}. Nothing was written.
 */
public class PredictiveRefusal extends RuntimeException {

    public PredictiveRefusal(String detail) {
        super(detail);
    }
}
