/**
 * PredictiveService (seed 003) over SOAP 1.1: document/literal wrapped, every element qualified in CallFire's
 * namespace, as the seed's envelopes are.
 */
@XmlSchema(namespace = PredictiveService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package com.campaignledger.soap.predictive.ws;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
