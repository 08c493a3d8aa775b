package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** GetCccCampaignStats' request: the campaign. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetCccCampaignStatsRequest")
public class GetCccCampaignStatsRequest {

    @XmlElement(name = "CampaignId")
    long campaignId;
}
