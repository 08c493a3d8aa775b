package com.campaignledger.soap.predictive.ws;

import com.campaignledger.soap.predictive.PredictiveAgents.ConnectedCall;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Date;

/** getConnectionForAgent's CallType: everything the agent's screen needs for the connected call. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "CallType",
        propOrder = {
            "agentId",
            "campaignId",
            "callId",
            "number",
            "connectedAt",
            "script",
            "extraData",
            "questions",
            "dispositionLists",
            "transferNumbers"
        })
public class CallType {

    private long agentId;
    private long campaignId;
    private String callId;
    private String number;
    private Date connectedAt;
    private String script;
    private ArrayOfExtraData extraData;
    private ArrayOfString questions;
    private ArrayOfDisposition dispositionLists;
    private ArrayOfString transferNumbers;

    public CallType() {}

    static CallType of(ConnectedCall call) {
        CallType type = new CallType();
        type.agentId = call.agentId();
        type.campaignId = call.campaignId();
        type.callId = call.callId();
        type.number = call.number();
        type.connectedAt = call.connectedAt() == null ? null : Date.from(call.connectedAt());
        type.script = call.script();
        type.extraData = new ArrayOfExtraData(call.extraData().entrySet().stream()
                .map(e -> new ExtraData(e.getKey(), e.getValue()))
                .toList());
        type.questions = new ArrayOfString(call.questions());
        type.dispositionLists = new ArrayOfDisposition(call.dispositionLists().stream()
                .map(d -> new Disposition(d.name(), new ArrayOfString(d.dispositions())))
                .toList());
        type.transferNumbers = new ArrayOfString(call.transferNumbers());
        return type;
    }

    public long getAgentId() {
        return agentId;
    }

    public String getCallId() {
        return callId;
    }

    public String getNumber() {
        return number;
    }
}
