package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** storeAgentResponse's answer: an {@code out} of nil, which PHP reads as {@code $response->out === null}. */
@XmlRootElement(name = "storeAgentResponseResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = "out")
public class StoreAgentResponseResponse {

    @XmlElement(nillable = true, required = true)
    private String out;
}
