package com.campaignledger.soap.ccc.ws;

import com.campaignledger.soap.ccc.CccCampaigns;
import com.campaignledger.soap.ccc.CccRefusal;
import com.campaignledger.soap.ccc.CccStats;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CccService over SOAP 1.2: reads CallFire's elements and hands each operation to the ports the application
 * implements with the REST rows' commands and queries. The credential was checked by HTTP Basic before the request
 * got here; no rule of the ledger is checked here.
 */
@WebService(
        serviceName = "CccService",
        portName = "CccServiceHttpSoap12Endpoint",
        targetNamespace = CccService.NAMESPACE,
        endpointInterface = "com.campaignledger.soap.ccc.ws.CccService")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class CccServiceEndpoint implements CccService {

    static final String UNEXPECTED = "Unexpected error; nothing was acknowledged";

    private static final Logger log = LoggerFactory.getLogger(CccServiceEndpoint.class);

    private final CccCampaigns campaigns;
    private final CccStats stats;

    public CccServiceEndpoint(CccCampaigns campaigns, CccStats stats) {
        this.campaigns = campaigns;
        this.stats = stats;
    }

    @Override
    public long createCccCampaign(CreateCccCampaignRequest request) throws CccServiceException {
        CccCampaign campaign = required(request == null ? null : request.cccCampaign, "CccCampaign");
        return call(() -> campaigns.create(request.requestId, campaign.configuration()));
    }

    @Override
    public CccCampaign getCccCampaign(IdRequest request) throws CccServiceException {
        long id = required(request, "Id").id;
        return call(() -> CccCampaign.of(campaigns.get(id)));
    }

    @Override
    public CccCampaignQueryResult queryCccCampaigns(QueryCccCampaignsRequest request) throws CccServiceException {
        QueryCccCampaignsRequest query = request == null ? new QueryCccCampaignsRequest() : request;
        int max = query.maxResults == null ? QueryCccCampaignsRequest.DEFAULT_MAX_RESULTS : query.maxResults;
        int first = query.firstResult == null ? 0 : query.firstResult;
        return call(() ->
                CccCampaignQueryResult.of(campaigns.query(query.name, query.status, query.labelName, first, max)));
    }

    @Override
    public void updateCccCampaign(UpdateCccCampaignRequest request) throws CccServiceException {
        CccCampaign campaign = required(request == null ? null : request.cccCampaign, "CccCampaign");
        long id = required(campaign.id, "CccCampaign id");
        call(() -> {
            campaigns.update(request.requestId, id, campaign.configuration());
            return null;
        });
    }

    @Override
    public void controlCccCampaign(ControlCccCampaignRequest request) throws CccServiceException {
        ControlCccCampaignRequest control = required(request, "Id");
        call(() -> {
            campaigns.control(control.requestId, control.id, control.command);
            return null;
        });
    }

    @Override
    public void deleteCccCampaign(IdRequest request) throws CccServiceException {
        long id = required(request, "Id").id;
        call(() -> {
            campaigns.delete(id);
            return null;
        });
    }

    @Override
    public void deleteCccCampaignTransferNumbers(IdRequest request) throws CccServiceException {
        long id = required(request, "Id").id;
        call(() -> {
            campaigns.deleteTransferNumbers(id);
            return null;
        });
    }

    @Override
    public void deleteCccCampaignQuestions(IdRequest request) throws CccServiceException {
        long id = required(request, "Id").id;
        call(() -> {
            campaigns.deleteQuestions(id);
            return null;
        });
    }

    @Override
    public CccCampaignStats getCccCampaignStats(GetCccCampaignStatsRequest request) throws CccServiceException {
        long id = required(request, "CampaignId").campaignId;
        return call(() -> CccCampaignStats.of(stats.of(id)));
    }

    private static <T> T required(T value, String element) throws CccServiceException {
        if (value == null) {
            throw new CccServiceException(element + ": is required");
        }
        return value;
    }

    private static <T> T call(Supplier<T> operation) throws CccServiceException {
        try {
            return operation.get();
        } catch (CccRefusal refusal) {
            throw new CccServiceException(refusal.getMessage());
        } catch (RuntimeException e) {
            log.error("Unexpected error in CccService", e);
            throw new CccServiceException(UNEXPECTED);
        }
    }
}
