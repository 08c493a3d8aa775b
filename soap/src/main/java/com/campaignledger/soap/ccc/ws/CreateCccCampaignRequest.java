package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** CreateCccCampaign's request: the campaign to create; a repeated {@code RequestId} creates nothing new. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "CreateCccCampaignRequest",
        propOrder = {"requestId", "cccCampaign"})
public class CreateCccCampaignRequest {

    @XmlElement(name = "RequestId")
    @XmlSchemaType(name = "anyURI")
    String requestId;

    @XmlElement(name = "CccCampaign", required = true)
    CccCampaign cccCampaign;
}
