package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** A number's extra data as {@code ExtraData} items. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArrayOfExtraData", propOrder = "extraData")
public class ArrayOfExtraData {

    @XmlElement(name = "ExtraData")
    private List<ExtraData> extraData = new ArrayList<>();

    public ArrayOfExtraData() {}

    public ArrayOfExtraData(List<ExtraData> items) {
        this.extraData = new ArrayList<>(items);
    }

    public List<ExtraData> getExtraData() {
        return extraData;
    }
}
