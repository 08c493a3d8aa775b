package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A disposition list: its name and the answers an agent may record ({@code dispositions}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "Disposition",
        propOrder = {"dispositions", "name"})
public class Disposition {

    @XmlElement(nillable = true)
    private ArrayOfString dispositions;

    @XmlElement(nillable = true)
    private String name;

    public Disposition() {}

    public Disposition(String name, ArrayOfString dispositions) {
        this.name = name;
        this.dispositions = dispositions;
    }

    public ArrayOfString getDispositions() {
        return dispositions;
    }

    public String getName() {
        return name;
    }
}
