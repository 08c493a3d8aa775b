package com.campaignledger.soap.predictive.ws;

import com.campaignledger.soap.predictive.PredictiveCampaigns;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XFire's list of {@code Disposition} items; it extends {@link OneDisposition} so that a single disposition sent in
 * its place is read as a list of one.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArrayOfDisposition", propOrder = "disposition")
public class ArrayOfDisposition extends OneDisposition {

    @XmlElement(name = "Disposition", nillable = true)
    private List<Disposition> disposition = new ArrayList<>();

    public ArrayOfDisposition() {}

    public ArrayOfDisposition(List<Disposition> items) {
        this.disposition = new ArrayList<>(items);
    }

    public List<Disposition> getDisposition() {
        return disposition;
    }

    /** The lists sent: the single one written in place of the list first, if any, then the items. */
    List<PredictiveCampaigns.Dispositions> read() {
        List<PredictiveCampaigns.Dispositions> lists = new ArrayList<>();
        if (name != null || dispositions != null) {
            lists.add(new PredictiveCampaigns.Dispositions(name, strings(dispositions)));
        }
        for (Disposition d : disposition) {
            if (d != null) {
                lists.add(new PredictiveCampaigns.Dispositions(
                        d.getName(),
                        d.getDispositions() == null
                                ? List.of()
                                : d.getDispositions().getString()));
            }
        }
        return lists;
    }

    /** A plain string is one item; {@code <string>} children are the items. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof ArrayOfString array) {
            return array.getString();
        }
        if (!(value instanceof Element element)) {
            return List.of(value.toString());
        }
        List<String> items = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                items.add(child.getTextContent());
            }
        }
        if (items.isEmpty() && !element.getTextContent().isBlank()) {
            items.add(element.getTextContent());
        }
        return items;
    }
}
