package com.campaignledger.soap.ccc.ws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * CallFire's CccService (seeds 000 and 002), campaign operations, document/literal bare: each request is one element
 * named as the operation, and CreateCccCampaign answers a bare {@code CreatedId}, which PHP's SoapClient returns as
 * the number itself ({@code echo "campaignId: " . $campaignId}). HTTP Basic with an API credential.
 */
@WebService(name = "CccServicePortType", targetNamespace = CccService.NAMESPACE)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface CccService {

    String NAMESPACE = "http://api.callfire.com/service/xsd";

    /** Creates a CCC campaign; its id. */
    @WebMethod(operationName = "CreateCccCampaign")
    @WebResult(name = "CreatedId", targetNamespace = NAMESPACE)
    long createCccCampaign(
            @WebParam(name = "CreateCccCampaign", targetNamespace = NAMESPACE) CreateCccCampaignRequest request)
            throws CccServiceException;

    /** One campaign of the account. */
    @WebMethod(operationName = "GetCccCampaign")
    @WebResult(name = "CccCampaign", targetNamespace = NAMESPACE)
    CccCampaign getCccCampaign(@WebParam(name = "GetCccCampaign", targetNamespace = NAMESPACE) IdRequest request)
            throws CccServiceException;

    /** The account's campaigns, a page at a time. */
    @WebMethod(operationName = "QueryCccCampaigns")
    @WebResult(name = "CccCampaignQueryResult", targetNamespace = NAMESPACE)
    CccCampaignQueryResult queryCccCampaigns(
            @WebParam(name = "QueryCccCampaigns", targetNamespace = NAMESPACE) QueryCccCampaignsRequest request)
            throws CccServiceException;

    /** Replaces the campaign's whole configuration by the one sent; its Name is not overwritten (seed 002). */
    @WebMethod(operationName = "UpdateCccCampaign")
    void updateCccCampaign(
            @WebParam(name = "UpdateCccCampaign", targetNamespace = NAMESPACE) UpdateCccCampaignRequest request)
            throws CccServiceException;

    /** START, STOP or ARCHIVE. */
    @WebMethod(operationName = "ControlCccCampaign")
    void controlCccCampaign(
            @WebParam(name = "ControlCccCampaign", targetNamespace = NAMESPACE) ControlCccCampaignRequest request)
            throws CccServiceException;

    /** The campaign leaves the lists; its history is kept. */
    @WebMethod(operationName = "DeleteCccCampaign")
    void deleteCccCampaign(@WebParam(name = "DeleteCccCampaign", targetNamespace = NAMESPACE) IdRequest request)
            throws CccServiceException;

    /** Clears the campaign's transfer numbers. */
    @WebMethod(operationName = "DeleteCccCampaignTransferNumbers")
    void deleteCccCampaignTransferNumbers(
            @WebParam(name = "DeleteCccCampaignTransferNumbers", targetNamespace = NAMESPACE) IdRequest request)
            throws CccServiceException;

    /** Clears the campaign's questions. */
    @WebMethod(operationName = "DeleteCccCampaignQuestions")
    void deleteCccCampaignQuestions(
            @WebParam(name = "DeleteCccCampaignQuestions", targetNamespace = NAMESPACE) IdRequest request)
            throws CccServiceException;

    /** The campaign's live counters. */
    @WebMethod(operationName = "GetCccCampaignStats")
    @WebResult(name = "CccCampaignStats", targetNamespace = NAMESPACE)
    CccCampaignStats getCccCampaignStats(
            @WebParam(name = "GetCccCampaignStats", targetNamespace = NAMESPACE) GetCccCampaignStatsRequest request)
            throws CccServiceException;
}
