package com.campaignledger.soap.ccc.ws;

import com.campaignledger.soap.ccc.CccCampaigns;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** QueryCccCampaigns' answer: the page's campaigns and, as {@code totalResults}, how many match in all. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CccCampaignQueryResult")
public class CccCampaignQueryResult {

    @XmlAttribute(name = "totalResults")
    long totalResults;

    @XmlElement(name = "CccCampaign")
    List<CccCampaign> campaigns;

    static CccCampaignQueryResult of(CccCampaigns.Page page) {
        CccCampaignQueryResult result = new CccCampaignQueryResult();
        result.totalResults = page.totalResults();
        result.campaigns = page.campaigns().stream().map(CccCampaign::of).toList();
        return result;
    }
}
