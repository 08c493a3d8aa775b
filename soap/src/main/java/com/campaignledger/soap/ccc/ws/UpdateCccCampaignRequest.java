package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** UpdateCccCampaign's request: the campaign's {@code id} and the configuration that replaces its own (all but {@code Name}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "UpdateCccCampaignRequest",
        propOrder = {"requestId", "cccCampaign"})
public class UpdateCccCampaignRequest {

    @XmlElement(name = "RequestId")
    @XmlSchemaType(name = "anyURI")
    String requestId;

    @XmlElement(name = "CccCampaign", required = true)
    CccCampaign cccCampaign;
}
