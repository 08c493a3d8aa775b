package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** kickAgent's answer: an {@code out} of nil, which PHP reads as {@code $response->out === null}. */
@XmlRootElement(name = "kickAgentResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = "out")
public class KickAgentResponse {

    @XmlElement(nillable = true, required = true)
    private String out;
}
