package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** getAgentStats' {@code out}: an {@code AgentType} per agent session. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArrayOfAgentType", propOrder = "agentType")
public class ArrayOfAgentType {

    @XmlElement(name = "AgentType", nillable = true)
    private List<AgentType> agentType = new ArrayList<>();

    public ArrayOfAgentType() {}

    public ArrayOfAgentType(List<AgentType> items) {
        this.agentType = new ArrayList<>(items);
    }

    public List<AgentType> getAgentType() {
        return agentType;
    }
}
