package com.campaignledger.soap.predictive.ws;

import jakarta.xml.ws.WebFault;

/** A PredictiveService operation refused: a SOAP fault whose faultstring says what was wrong. */
@WebFault(name = "PredictiveServiceException", targetNamespace = PredictiveService.NAMESPACE)
public class PredictiveServiceException extends Exception {

    public PredictiveServiceException(String message) {
        super(message);
    }
}
