package com.campaignledger.soap.ccc.ws;

import com.campaignledger.soap.ccc.CccStats;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigDecimal;

/**
 * GetCccCampaignStats' answer: the REST row's live stats with CallFire's PascalCase names (numbers by their latest
 * result, dial attempts, the 30-day drop rate, scrubbed numbers, rule violations, agents now).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "CccCampaignStats",
        propOrder = {
            "total",
            "dialed",
            "live",
            "machine",
            "noAnswer",
            "dnc",
            "busy",
            "transfer",
            "error",
            "misc",
            "abandoned",
            "dropRate",
            "attempts",
            "scrubbed",
            "violations",
            "agentsLoggedIn",
            "agentsReady",
            "agentsOnCall"
        })
public class CccCampaignStats {

    @XmlAttribute(name = "campaignId")
    long campaignId;

    @XmlElement(name = "Total")
    long total;

    @XmlElement(name = "Dialed")
    long dialed;

    @XmlElement(name = "Live")
    long live;

    @XmlElement(name = "Machine")
    long machine;

    @XmlElement(name = "NoAnswer")
    long noAnswer;

    @XmlElement(name = "Dnc")
    long dnc;

    @XmlElement(name = "Busy")
    long busy;

    @XmlElement(name = "Transfer")
    long transfer;

    @XmlElement(name = "Error")
    long error;

    @XmlElement(name = "Misc")
    long misc;

    @XmlElement(name = "Abandoned")
    long abandoned;

    /** Absent without a live answer in the last 30 days. */
    @XmlElement(name = "DropRate")
    BigDecimal dropRate;

    @XmlElement(name = "Attempts")
    long attempts;

    @XmlElement(name = "Scrubbed")
    long scrubbed;

    @XmlElement(name = "Violations")
    long violations;

    @XmlElement(name = "AgentsLoggedIn")
    long agentsLoggedIn;

    @XmlElement(name = "AgentsReady")
    long agentsReady;

    @XmlElement(name = "AgentsOnCall")
    long agentsOnCall;

    static CccCampaignStats of(CccStats.Counts c) {
        CccCampaignStats stats = new CccCampaignStats();
        stats.campaignId = c.campaignId();
        stats.total = c.total();
        stats.dialed = c.dialed();
        stats.live = c.live();
        stats.machine = c.machine();
        stats.noAnswer = c.noanswer();
        stats.dnc = c.dnc();
        stats.busy = c.busy();
        stats.transfer = c.transfer();
        stats.error = c.error();
        stats.misc = c.misc();
        stats.abandoned = c.abandoned();
        stats.dropRate = c.dropRate();
        stats.attempts = c.attempts();
        stats.scrubbed = c.scrubbed();
        stats.violations = c.violations();
        stats.agentsLoggedIn = c.agentsLoggedIn();
        stats.agentsReady = c.agentsReady();
        stats.agentsOnCall = c.agentsOnCall();
        return stats;
    }
}
