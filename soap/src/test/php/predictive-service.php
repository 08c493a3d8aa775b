<?php
// Seed 003's PHP SoapClient functions, unmodified but for the WSDL's URL (PREDICTIVE_SERVICE_WSDL), run against the
// ledger: php predictive-service.php <wsdl-url> <function> <arguments…>. Each function prints what the seed's prints
// with $debug on: the answer's out (print_r), or the SoapFault.

define('PREDICTIVE_SERVICE_WSDL', $argv[1]);

// The seed's Disposition: new Disposition($name, $dispositions).
class Disposition
{
public $dispositions;
public $name;
public function __construct($name, $dispositions)
{
$this->name = $name;
$this->dispositions = $dispositions;
}
}

class PredictiveServiceSeed
{
public function answeringMachineTransferStoreAgent_Response($key,$campaignId,$agentId,$callId,$agentResponse,$agentNotes,$lastcall,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'agentId' => $agentId,
'callId' => $callId,
'agentResponse' => $agentResponse,
'agentNotes' => $agentNotes,
'lastcall' => $lastcall
);
try
{
$createUserRespopnse = $campaignOutboundClient->answeringMachineTransferStoreAgentResponse($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function createCallCenterConnect_Campaign($key,$callerid,$name,$passcode,$phoneNumbers,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$lines = file($phoneNumbers) or die('Unable to upload phone numbers');
foreach($lines as $line)
{
$pnumber['string'][] = $line;
}
$disp = new Disposition("dev","2134000543");
$createcampaign = array(
'key' => $key,
'callerid' => $callerid,
'name' => $name,
'passcode' => $passcode,
'dispositionLists' => $disp,
'numbers' => $pnumber
);
try
{
$createUserRespopnse = $campaignOutboundClient->createCallCenterConnectCampaign($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function createCallCenterConnectCampaignWithAM($key,$callerid,$name,$passcode,$phoneNumbers,$ansmacSound,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$lines = file($phoneNumbers) or die('Unable to upload phone numbers');
foreach($lines as $line)
{
$pnumber['string'][] = $line;
}
$disp = new Disposition("test","2134000543");
$createcampaign = array(
'key' => $key,
'callerid' => $callerid,
'name' => $name,
'passcode' => $passcode,
'dispositionLists' => $disp,
'numbers' => $pnumber,
'answeringMachineSound' => $ansmacSound
);
try
{
$createUserRespopnse = $campaignOutboundClient->createCallCenterConnectCampaignWithAM($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function getAgent_Stats($key,$campaignId,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignid' => $campaignId
);
try
{
$createUserRespopnse = $campaignOutboundClient->getAgentStats($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function getConnectionFor_Agent($key,$campaignId,$agentId,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'agentId' => $agentId
);
try
{
$createUserRespopnse = $campaignOutboundClient->getConnectionForAgent($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function login_Agent($key,$campaignId,$agentId,$userId,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'agentId' => $agentId,
'userId' => $userId
);
try
{
$createUserRespopnse = $campaignOutboundClient->loginAgent($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function sendAgentCall_Back($key,$campaignId,$userId,$phoneNumber,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'userId' => $userId,
'phoneNumber' => $phoneNumber
);
try
{
$createUserRespopnse = $campaignOutboundClient->sendAgentCallBack($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function sendAgentCallBackWithMusic_Setting($key,$campaignId,$userId,$phoneNumber,$musiconhold,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'userId' => $userId,
'phoneNumber' => $phoneNumber,
'musiconhold' => $musiconhold
);
try
{
$createUserRespopnse = $campaignOutboundClient->sendAgentCallBackWithMusicSetting($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function storeAgentResponse($key,$campaignId,$agentId,$callId,$agentResponse,$agentNotes,$lastcall,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'agentId' => $agentId,
'callId' => $callId,
'agentResponse' => $agentResponse,
'agentNotes' => $agentNotes,
'lastcall' => $lastcall
);
try
{
$createUserRespopnse = $campaignOutboundClient->storeAgentResponse($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
public function update_Ratio($key,$campaignId,$ratio,$debug)
{
$createOtboundcampaignWsdl = PREDICTIVE_SERVICE_WSDL;
$campaignOutboundClient = new SoapClient($createOtboundcampaignWsdl,array('trace' => true));
$createcampaign = array(
'key' => $key,
'campaignId' => $campaignId,
'ratio' => $ratio
);
try
{
$createUserRespopnse = $campaignOutboundClient->updateRatio($createcampaign);
$campaignId = $createUserRespopnse->out;
if($debug)
{
print_r($campaignId);
}
}
catch(SoapFault $error)
{
if($debug)
{
echo $error."<br/>";
}
}
}
}

$function = $argv[2];
$arguments = array_slice($argv, 3);
$arguments[] = true; // $debug
call_user_func_array(array(new PredictiveServiceSeed(), $function), $arguments);
echo "\n";
