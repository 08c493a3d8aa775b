package com.campaignledger.soap.ccc.ws;

import jakarta.xml.ws.WebFault;

/** A CccService operation refused: a SOAP fault whose reason says what was wrong. */
@WebFault(name = "ServiceFault", targetNamespace = CccService.NAMESPACE)
public class CccServiceException extends Exception {

    public CccServiceException(String message) {
        super(message);
    }
}
