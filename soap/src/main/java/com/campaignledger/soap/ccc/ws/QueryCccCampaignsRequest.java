package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** QueryCccCampaigns' request: a page ({@code MaxResults} from {@code FirstResult}) and what to match. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "QueryCccCampaignsRequest",
        propOrder = {"maxResults", "firstResult", "name", "status", "labelName"})
public class QueryCccCampaignsRequest {

    static final int DEFAULT_MAX_RESULTS = 20;

    @XmlElement(name = "MaxResults")
    Integer maxResults;

    @XmlElement(name = "FirstResult")
    Integer firstResult;

    @XmlElement(name = "Name")
    String name;

    @XmlElement(name = "Status")
    String status;

    @XmlElement(name = "LabelName")
    String labelName;
}
