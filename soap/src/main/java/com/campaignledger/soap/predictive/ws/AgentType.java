package com.campaignledger.soap.predictive.ws;

import com.campaignledger.soap.predictive.PredictiveAgents.SessionStats;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Date;

/**
 * getAgentStats' row: seed 003's Individual Agent Session Statistics (ID, Campaign ID, Phone Number, User ID, Logged
 * In, Logged Out, Calls, Duration, Calls (Sec), Avg Call (Sec), Resp. Time, %Response).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "AgentType",
        propOrder = {
            "id",
            "campaignId",
            "phoneNumber",
            "userId",
            "loggedIn",
            "loggedOut",
            "calls",
            "duration",
            "callsSeconds",
            "avgCallSeconds",
            "responseTime",
            "responsePercent"
        })
public class AgentType {

    private long id;
    private long campaignId;
    private String phoneNumber;
    private String userId;

    @XmlElement(nillable = true)
    private Date loggedIn;

    @XmlElement(nillable = true)
    private Date loggedOut;

    private int calls;
    private long duration;
    private long callsSeconds;
    private double avgCallSeconds;
    private long responseTime;
    private double responsePercent;

    public AgentType() {}

    static AgentType of(SessionStats row) {
        AgentType type = new AgentType();
        type.id = row.id();
        type.campaignId = row.campaignId();
        type.phoneNumber = row.phoneNumber();
        type.userId = row.userId();
        type.loggedIn = row.loggedIn() == null ? null : Date.from(row.loggedIn());
        type.loggedOut = row.loggedOut() == null ? null : Date.from(row.loggedOut());
        type.calls = row.calls();
        type.duration = row.duration();
        type.callsSeconds = row.callsSeconds();
        type.avgCallSeconds = row.avgCallSeconds();
        type.responseTime = row.responseTime();
        type.responsePercent = row.responsePercent();
        return type;
    }

    public long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public int getCalls() {
        return calls;
    }
}
