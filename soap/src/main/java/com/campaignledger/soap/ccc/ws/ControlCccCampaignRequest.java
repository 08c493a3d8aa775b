package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** ControlCccCampaign's request: the campaign and the command, START, STOP or ARCHIVE. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "ControlCccCampaignRequest",
        propOrder = {"id", "requestId", "command"})
public class ControlCccCampaignRequest {

    @XmlElement(name = "Id")
    long id;

    @XmlElement(name = "RequestId")
    @XmlSchemaType(name = "anyURI")
    String requestId;

    @XmlElement(name = "Command", required = true)
    String command;
}
