package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** XFire's list of strings: {@code <string>} items. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArrayOfString", propOrder = "string")
public class ArrayOfString {

    @XmlElement(name = "string", nillable = true)
    private List<String> string = new ArrayList<>();

    public ArrayOfString() {}

    public ArrayOfString(List<String> items) {
        this.string = new ArrayList<>(items);
    }

    public List<String> getString() {
        return string;
    }
}
