package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** One field of a number's extra data (its upload's other columns). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "ExtraData",
        propOrder = {"name", "value"})
public class ExtraData {

    private String name;
    private String value;

    public ExtraData() {}

    public ExtraData(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
