package com.campaignledger.soap.predictive.ws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.ResponseWrapper;

/**
 * Seed 003's PredictiveService: request elements and their order as the seed's envelopes, each answer in {@code out}.
 * {@code key} is an API key of the account ({@code POST /api/api-keys}).
 */
@WebService(name = "PredictiveServicePortType", targetNamespace = PredictiveService.NAMESPACE)
public interface PredictiveService {

    String NAMESPACE = "http://api.campaign.dialer.skyyconsulting.com";

    /** A Call Center Connect campaign; its id. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    long createCallCenterConnectCampaign(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "callerid", targetNamespace = NAMESPACE) String callerid,
            @WebParam(name = "name", targetNamespace = NAMESPACE) String name,
            @WebParam(name = "passcode", targetNamespace = NAMESPACE) String passcode,
            @WebParam(name = "dispositionLists", targetNamespace = NAMESPACE) ArrayOfDisposition dispositionLists,
            @WebParam(name = "numbers", targetNamespace = NAMESPACE) ArrayOfString numbers)
            throws PredictiveServiceException;

    /** As createCallCenterConnectCampaign, with the answering-machine sound left by answeringMachineTransfer…. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    long createCallCenterConnectCampaignWithAM(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "callerid", targetNamespace = NAMESPACE) String callerid,
            @WebParam(name = "name", targetNamespace = NAMESPACE) String name,
            @WebParam(name = "passcode", targetNamespace = NAMESPACE) String passcode,
            @WebParam(name = "dispositionLists", targetNamespace = NAMESPACE) ArrayOfDisposition dispositionLists,
            @WebParam(name = "numbers", targetNamespace = NAMESPACE) ArrayOfString numbers,
            @WebParam(name = "answeringMachineSound", targetNamespace = NAMESPACE) long answeringMachineSound)
            throws PredictiveServiceException;

    /** Every agent session of the campaign with seed 003's twelve columns. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    ArrayOfAgentType getAgentStats(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignid", targetNamespace = NAMESPACE) long campaignid)
            throws PredictiveServiceException;

    /** Blocks until a call is connected to the agent, up to ledger.soap.connection-wait; then an empty out. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    @ResponseWrapper(
            localName = "getConnectionForAgentResponse",
            targetNamespace = NAMESPACE,
            className = "com.campaignledger.soap.predictive.ws.GetConnectionForAgentResponse")
    CallType getConnectionForAgent(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "agentId", targetNamespace = NAMESPACE) String agentId)
            throws PredictiveServiceException;

    /** Logs the agent in with the agent id its callback recited, and queues it for the next connected call. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    @ResponseWrapper(
            localName = "loginAgentResponse",
            targetNamespace = NAMESPACE,
            className = "com.campaignledger.soap.predictive.ws.LoginAgentResponse")
    void loginAgent(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "agentId", targetNamespace = NAMESPACE) String agentId,
            @WebParam(name = "userId", targetNamespace = NAMESPACE) String userId)
            throws PredictiveServiceException;

    /** Rings the agent, which hears its agent id; the id is also the answer's out. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    long sendAgentCallBack(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "userId", targetNamespace = NAMESPACE) String userId,
            @WebParam(name = "phoneNumber", targetNamespace = NAMESPACE) String phoneNumber)
            throws PredictiveServiceException;

    /** sendAgentCallBack with the music the agent hears on hold. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    long sendAgentCallBackWithMusicSetting(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "userId", targetNamespace = NAMESPACE) String userId,
            @WebParam(name = "phoneNumber", targetNamespace = NAMESPACE) String phoneNumber,
            @WebParam(name = "musiconhold", targetNamespace = NAMESPACE) String musiconhold)
            throws PredictiveServiceException;

    /** Stores the agent's response to its call and queues it again, or, with lastcall, logs it out. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    @ResponseWrapper(
            localName = "storeAgentResponseResponse",
            targetNamespace = NAMESPACE,
            className = "com.campaignledger.soap.predictive.ws.StoreAgentResponseResponse")
    void storeAgentResponse(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "agentId", targetNamespace = NAMESPACE) String agentId,
            @WebParam(name = "callId", targetNamespace = NAMESPACE) String callId,
            @WebParam(name = "agentResponse", targetNamespace = NAMESPACE) String agentResponse,
            @WebParam(name = "agentNotes", targetNamespace = NAMESPACE) String agentNotes,
            @WebParam(name = "lastcall", targetNamespace = NAMESPACE) Boolean lastcall)
            throws PredictiveServiceException;

    /** storeAgentResponse that leaves the campaign's answering-machine message on the call (recorded as AM). */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    @ResponseWrapper(
            localName = "answeringMachineTransferStoreAgentResponseResponse",
            targetNamespace = NAMESPACE,
            className = "com.campaignledger.soap.predictive.ws.AnsweringMachineTransferStoreAgentResponseResponse")
    void answeringMachineTransferStoreAgentResponse(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "agentId", targetNamespace = NAMESPACE) String agentId,
            @WebParam(name = "callId", targetNamespace = NAMESPACE) String callId,
            @WebParam(name = "agentResponse", targetNamespace = NAMESPACE) String agentResponse,
            @WebParam(name = "agentNotes", targetNamespace = NAMESPACE) String agentNotes,
            @WebParam(name = "lastcall", targetNamespace = NAMESPACE) Boolean lastcall)
            throws PredictiveServiceException;

    /** Hangs up the agent and logs it out. */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    @ResponseWrapper(
            localName = "kickAgentResponse",
            targetNamespace = NAMESPACE,
            className = "com.campaignledger.soap.predictive.ws.KickAgentResponse")
    void kickAgent(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) long campaignId,
            @WebParam(name = "agentId", targetNamespace = NAMESPACE) String agentId)
            throws PredictiveServiceException;

    /**
     * The lines dialled per ready agent. The seed's envelope names the campaign {@code campaignid}, its PHP sample
     * {@code campaignId}: either is read.
     */
    @WebMethod
    @WebResult(name = "out", targetNamespace = NAMESPACE)
    @ResponseWrapper(
            localName = "updateRatioResponse",
            targetNamespace = NAMESPACE,
            className = "com.campaignledger.soap.predictive.ws.UpdateRatioResponse")
    void updateRatio(
            @WebParam(name = "key", targetNamespace = NAMESPACE) String key,
            @WebParam(name = "campaignid", targetNamespace = NAMESPACE) Long campaignid,
            @WebParam(name = "campaignId", targetNamespace = NAMESPACE) Long campaignId,
            @WebParam(name = "ratio", targetNamespace = NAMESPACE) double ratio)
            throws PredictiveServiceException;
}
