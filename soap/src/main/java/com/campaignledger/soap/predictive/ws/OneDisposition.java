package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The fields of one disposition list, directly in a list of them: seed 003's PHP passes one {@code Disposition}
 * object where the list is expected, and SoapClient then writes its {@code dispositions} (often a plain string) and
 * {@code name} straight into {@code dispositionLists}. {@code dispositions} is any type, so a plain string and a list
 * of {@code string} items are both read.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
        name = "OneDisposition",
        propOrder = {"dispositions", "name"})
@XmlSeeAlso(ArrayOfDisposition.class)
public class OneDisposition {

    @XmlElement(name = "dispositions")
    protected Object dispositions;

    @XmlElement(name = "name")
    protected String name;
}
