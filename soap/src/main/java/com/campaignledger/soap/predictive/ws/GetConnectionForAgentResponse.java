package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** getConnectionForAgent's answer: the call in {@code out}, or nil when none was connected in time. */
@XmlRootElement(name = "getConnectionForAgentResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = "out")
public class GetConnectionForAgentResponse {

    @XmlElement(nillable = true, required = true)
    private CallType out;

    public GetConnectionForAgentResponse() {}

    public GetConnectionForAgentResponse(CallType out) {
        this.out = out;
    }

    public CallType getOut() {
        return out;
    }
}
