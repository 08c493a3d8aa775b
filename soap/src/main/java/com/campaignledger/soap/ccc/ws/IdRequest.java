package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A request that names one campaign by its {@code Id}: GetCccCampaign and the deletes. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "IdRequest")
public class IdRequest {

    @XmlElement(name = "Id")
    long id;
}
