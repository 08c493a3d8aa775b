/**
 * CccService (seeds 000 and 002) over SOAP 1.2: document/literal bare, CallFire's PascalCase elements qualified in one
 * namespace, as seed 000's PHP SoapClient sends them.
 */
@XmlSchema(namespace = CccService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package com.campaignledger.soap.ccc.ws;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
